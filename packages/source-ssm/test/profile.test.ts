import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLoopbackProxy } from "@awsconn/testkit/faults";
import { motoEndpoint } from "@awsconn/testkit/moto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { fromSsm } from "../src/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-ssm-profile-"));
  await writeFile(
    join(dir, "credentials"),
    "[team]\naws_access_key_id = AKIAPROFILEKEY000001\naws_secret_access_key = s\n",
  );
  await writeFile(join(dir, "config"), "[profile team]\nregion = us-east-1\n");
  vi.stubEnv("AWS_ACCESS_KEY_ID", "");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
  vi.stubEnv("AWS_PROFILE", "");
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
  vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

it("profile: signs with the named profile's keys", async () => {
  const proxy = await startLoopbackProxy({ target: motoEndpoint() });
  try {
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, profile: "team" });
    await expect(source.get("awsconn_profile_missing")).resolves.toBeUndefined();
    expect(proxy.count("GetParameter")).toBe(1);
    expect(String(proxy.requests[0]?.headers.authorization)).toContain("Credential=AKIAPROFILEKEY000001/");
  } finally {
    await proxy.close();
  }
});
