import { SourceError } from "@awsconn/core";
import { awsJsonError, freePort, type LoopbackProxy, startLoopbackProxy } from "@awsconn/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fromSsm } from "../src/index.js";

beforeAll(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/awsconn-test-config");
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/awsconn-test-credentials");
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
});
afterAll(() => vi.unstubAllEnvs());

const proxies: LoopbackProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

/** A loopback server standing in for AWS, answering every request with `status` + `type`. */
async function failing(status: number, type: string, message = "stand-in for AWS") {
  const proxy = await startLoopbackProxy({ respond: () => awsJsonError(status, type, message) });
  proxies.push(proxy);
  return proxy;
}

async function errorOf(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("failures are SourceErrors", () => {
  // moto does not enforce IAM: a loopback server answers as AWS does for a denied call.
  it("access denied -> SourceError, not retryable, one request, no secret in the message", async () => {
    const proxy = await failing(
      400,
      "AccessDeniedException",
      "User: arn:aws:iam::1:user/x is not authorized",
    );
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    const error = await errorOf(source.get("aws_default"));
    expect(error).toMatchObject({
      source: "ssm",
      retryable: false,
      awsErrorName: "AccessDeniedException",
    });
    expect(error.message).toContain("/airflow/connections/aws_default");
    expect(error.message).toContain("not authorized");
    expect(proxy.count("GetParameter")).toBe(1);
  });

  it("throttling -> retried 3 times, then SourceError retryable", async () => {
    const proxy = await failing(400, "ThrottlingException", "Rate exceeded");
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    const error = await errorOf(source.get("x"));
    expect(error).toMatchObject({ retryable: true, awsErrorName: "ThrottlingException" });
    expect(proxy.count()).toBe(3);
  });

  it.each([
    [500, "InternalServerError", true],
    [400, "InvalidKeyId", false],
    [400, "ValidationException", false],
  ])("%i %s -> SourceError", async (status, type, retryable) => {
    const proxy = await failing(status, type);
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, maxAttempts: 1 });
    const error = await errorOf(source.get("x"));
    expect(error).toMatchObject({ retryable, awsErrorName: type });
  });

  it("ParameterNotFound -> not here (undefined), one request", async () => {
    const proxy = await failing(400, "ParameterNotFound");
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    await expect(source.get("x")).resolves.toBeUndefined();
    expect(proxy.count()).toBe(1);
  });

  it("a failed GetParameters fails getMany", async () => {
    const proxy = await failing(400, "AccessDeniedException", "not authorized to perform ssm:GetParameters");
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    const error = await errorOf(source.getMany?.(["a", "b"]) ?? Promise.resolve());
    expect(error).toMatchObject({ awsErrorName: "AccessDeniedException", retryable: false });
    expect(proxy.count("GetParameters")).toBe(1);
  });
});

describe("an endpoint that is down never hangs a lookup", () => {
  it("closed port -> SourceError (network, retryable) after 3 attempts", async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const source = fromSsm({ region: "us-east-1", endpoint });
    const started = performance.now();
    const error = await errorOf(source.get("x"));
    expect(error.retryable).toBe(true);
    expect(error.awsErrorName).toMatch(/ECONNREFUSED|TimeoutError/);
    expect(performance.now() - started).toBeLessThan(3 * 1000 + 2000);
  });

  it("a server that accepts but never answers -> TimeoutError SourceError after 3 x requestTimeoutMs", async () => {
    const proxy = await startLoopbackProxy({ respond: () => "hang" });
    proxies.push(proxy);
    const source = fromSsm({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      requestTimeoutMs: 300,
    });
    const started = performance.now();
    const error = await errorOf(source.get("x"));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ retryable: true, awsErrorName: "TimeoutError" });
    expect(proxy.count()).toBe(3);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 300 - 50);
    expect(elapsed).toBeLessThan(3 * 300 + 3000);
  });

  it("the default request timeout is 3000 ms per attempt", async () => {
    const proxy = await startLoopbackProxy({ respond: () => "hang" });
    proxies.push(proxy);
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, maxAttempts: 1 });
    const started = performance.now();
    const error = await errorOf(source.get("x"));
    const elapsed = performance.now() - started;
    expect(error.awsErrorName).toBe("TimeoutError");
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(6000);
  }, 15_000);

  it("an abort signal ends a hung call promptly with the signal's reason", async () => {
    const proxy = await startLoopbackProxy({ respond: () => "hang" });
    proxies.push(proxy);
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    setTimeout(() => controller.abort(reason), 100);
    await expect(source.get("x", { signal: controller.signal })).rejects.toBe(reason);
    expect(proxy.count()).toBe(1);
  });
});
