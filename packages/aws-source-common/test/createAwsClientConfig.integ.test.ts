import { fileURLToPath } from "node:url";
import { motoEndpoint, startLoopbackProxy, traceModuleLoads } from "@awsconn/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAwsClientConfig, DEFAULT_MAX_ATTEMPTS } from "../src/createAwsClientConfig.js";

beforeAll(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIACOMMONTEST000001");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/awsconn-test-config");
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsconn-test-credentials");
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
});
afterAll(() => vi.unstubAllEnvs());

describe("createAwsClientConfig", () => {
  it("passes region and endpoint, standard retry with 3 attempts, a profile only without a role", async () => {
    const config = await createAwsClientConfig(
      { region: "eu-west-1", endpoint: "http://127.0.0.1:1", profile: "dev" },
      "ssm",
    );
    expect(config).toMatchObject({
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:1",
      profile: "dev",
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      retryMode: "standard",
    });
    expect(config.credentials).toBeUndefined();
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

describe("@awsconn/aws-source-common", () => {
  it("importing it loads no @aws-sdk or @smithy module", async () => {
    const trace = await traceModuleLoads(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
    const loaded = [...trace.esm, ...trace.cjs];
    expect(loaded.some((m) => m.endsWith("/createAwsClientConfig.ts"))).toBe(true);
    expect(loaded.filter((m) => /@aws-sdk|@smithy/.test(m))).toEqual([]);
  }, 60_000);
});
