import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startLoopbackProxy } from "@awsconn/testkit/faults";
import { motoEndpoint } from "@awsconn/testkit/moto";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_MAX_ATTEMPTS } from "../src/clientDefaults.js";
import { createAwsClientConfig } from "../src/createAwsClientConfig.js";

beforeAll(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIACOMMONTEST000001");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/awsconn-test-config");
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsconn-test-credentials");
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
});
afterAll(() => vi.unstubAllEnvs());

describe("createAwsClientConfig", () => {
  it("passes region and endpoint, adaptive retry with 3 attempts, a profile only without a role", async () => {
    const config = await createAwsClientConfig(
      { region: "eu-west-1", endpoint: "http://127.0.0.1:1", profile: "dev" },
      "ssm",
    );
    expect(config).toMatchObject({
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:1",
      profile: "dev",
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      retryMode: "adaptive",
    });
    expect(typeof config.credentials).toBe("function"); // the profile's, alone
    expect((await createAwsClientConfig({}, "ssm", {})).credentials).toBeUndefined(); // the SDK's chain
    const withRole = await createAwsClientConfig(
      { profile: "dev", roleArn: "arn:aws:iam::123456789012:role/r", maxAttempts: 5 },
      "ssm",
    );
    expect(withRole.profile).toBeUndefined();
    expect(typeof withRole.credentials).toBe("function");
    expect(withRole.maxAttempts).toBe(5);
  });

  it("its request handler gives up on a server that never answers with a TimeoutError", async () => {
    const proxy = await startLoopbackProxy({ respond: () => "hang" });
    try {
      const { requestHandler } = await createAwsClientConfig({ requestTimeoutMs: 200 }, "ssm");
      const url = new URL(proxy.endpoint);
      const error = await requestHandler
        .handle({
          method: "GET",
          protocol: url.protocol,
          hostname: url.hostname,
          port: Number(url.port),
          path: "/",
          query: {},
          headers: { host: url.host },
        } as unknown as Parameters<typeof requestHandler.handle>[0])
        .catch((e: unknown) => e);
      expect((error as Error).name).toBe("TimeoutError");
      expect(proxy.count()).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it("assumes roleArn through STS with the session name awsconn-<source>", async () => {
    const proxy = await startLoopbackProxy({ target: motoEndpoint() });
    try {
      vi.stubEnv("AWS_ENDPOINT_URL_STS", proxy.endpoint);
      const { credentials } = await createAwsClientConfig(
        { region: "us-east-1", roleArn: "arn:aws:iam::123456789012:role/awsconn-reader" },
        "secretsmanager",
      );
      const keys = await credentials?.();
      expect(keys?.accessKeyId).toMatch(/^ASIA/);
      expect(proxy.requests.map((r) => r.operation)).toEqual(["AssumeRole"]);
      expect(proxy.requests[0]?.body).toContain("RoleSessionName=awsconn-secretsmanager");
      expect(String(proxy.requests[0]?.headers.authorization)).toContain("Credential=AKIACOMMONTEST000001/");
    } finally {
      await proxy.close();
    }
  });
});

describe("a named profile is the only credentials source", () => {
  // A profile whose credential_process counts its runs and fails (as a nested awsconn that refuses a loop does).
  async function countingProfile(): Promise<{ env: Record<string, string>; runs: () => number }> {
    const dir = await mkdtemp(join(tmpdir(), "awsconn-profile-"));
    const count = join(dir, "runs");
    await writeFile(count, "");
    await writeFile(
      join(dir, "config"),
      `[profile looping]\ncredential_process = sh -c 'echo run >> ${count}; echo refused >&2; exit 5'\n`,
    );
    return {
      env: { AWS_CONFIG_FILE: join(dir, "config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "none") },
      runs: () => readFileSync(count, "utf8").split("\n").filter(Boolean).length,
    };
  }

  it("AWS_PROFILE (or profile) with a failing credential_process: run once, not twice as the SDK's default chain does", async () => {
    const profile = await countingProfile();
    for (const [k, v] of Object.entries(profile.env)) vi.stubEnv(k, v);
    vi.stubEnv("AWS_PROFILE", "looping");
    try {
      const { credentials } = await createAwsClientConfig({ region: "us-east-1" }, "ssm");
      await expect(credentials?.()).rejects.toThrow(/refused/);
      expect(profile.runs()).toBe(1);
      // What awsconn avoids: the SDK's default chain runs the process in fromIni, then again in fromProcess.
      const { fromNodeProviderChain } = await import("@aws-sdk/credential-providers");
      await expect(fromNodeProviderChain()()).rejects.toThrow();
      expect(profile.runs()).toBe(3);
    } finally {
      vi.stubEnv("AWS_PROFILE", undefined);
      vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/awsconn-test-config");
      vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsconn-test-credentials");
    }
  });

  it("the environment's AWS_PROFILE is used only when the source names none", async () => {
    const env = { AWS_PROFILE: "from-env" };
    expect(typeof (await createAwsClientConfig({}, "ssm", env)).credentials).toBe("function");
    expect((await createAwsClientConfig({}, "ssm", { AWS_PROFILE: "" })).credentials).toBeUndefined();
    expect((await createAwsClientConfig({ profile: "own" }, "ssm", env)).profile).toBe("own");
  });
});

describe("@awsconn/aws-source-common", () => {
  it("importing it loads no @aws-sdk or @smithy module", async () => {
    const trace = await traceModuleLoads(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
    const loaded = [...trace.esm, ...trace.cjs];
    expect(loaded.some((m) => m.endsWith("/createAwsClientConfig.ts"))).toBe(true);
    expect(loaded.filter((m) => /@aws-sdk|@smithy/.test(m))).toEqual([]);
  }, 60_000);
});
