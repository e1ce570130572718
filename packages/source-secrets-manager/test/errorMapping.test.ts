// The one AWS error mapping (aws-source-common toSourceError) against the real SDK client and a
// loopback server: what each kind of failure becomes, and that no rendering shows the body.
import { inspect } from "node:util";
import { classifyAwsError } from "@awsconn/aws-source-common";
import { expectErrorHidesSecret, sourceErrorOf } from "@awsconn/testkit/contract";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { stubAwsTestEnv } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { fromSecretsManager } from "../src/index.js";

stubAwsTestEnv();
const proxies = useLoopbackProxies();
const SECRET = "PLANTEDbody7f3a";

function sourceAt(endpoint: string) {
  return fromSecretsManager({ region: "us-east-1", endpoint, maxAttempts: 1 });
}

describe("one mapping from AWS SDK errors to SourceError", () => {
  it("a 502 with an HTML body says HTTP 502 (retryable, server), never SyntaxError or the body", async () => {
    const proxy = await proxies.start({
      respond: () => ({
        status: 502,
        headers: { "content-type": "text/html" },
        body: `<html><body>Bad Gateway ${SECRET}</body></html>`,
      }),
    });
    const error = await sourceErrorOf(sourceAt(proxy.endpoint).get("x"));
    expect(error).toMatchObject({ awsErrorName: "HTTP 502", kind: "server", retryable: true });
    expect(error.message).toContain("HTTP 502");
    expect(error.message).not.toContain("SyntaxError");
    expectErrorHidesSecret(error, SECRET);
    expectErrorHidesSecret(error, "<html>");
  });

  it("a 200 whose JSON body is cut inside a secret is HTTP 200 and quotes nothing of it", async () => {
    const proxy = await proxies.start({
      respond: () => ({
        status: 200,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: `{"Name":"airflow/connections/x","SecretString":"postgres://u:${SECRET}@h`,
      }),
    });
    const error = await sourceErrorOf(sourceAt(proxy.endpoint).get("x"));
    expect(error.awsErrorName).toBe("HTTP 200");
    expectErrorHidesSecret(error, SECRET);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(SECRET);
  });

  it.each([
    [400, "ThrottlingException", "throttled", true],
    [429, "TooManyRequestsException", "throttled", true],
    [400, "AccessDeniedException", "access-denied", false],
    [503, "ServiceUnavailable", "server", true],
    [400, "ValidationException", "other", false],
  ])("%i %s -> kind %s, retryable %s", async (status, type, kind, retryable) => {
    const proxy = await proxies.failing(status, type);
    const error = await sourceErrorOf(sourceAt(proxy.endpoint).get("x"));
    expect(error).toMatchObject({ awsErrorName: type, kind, retryable });
  });

  it("network and timeout errors get their kind from the SDK's classification", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const timeout = Object.assign(new Error("timed out"), { name: "TimeoutError" });
    expect(await classifyAwsError(refused)).toEqual({
      name: "ECONNREFUSED",
      kind: "network",
      retryable: true,
    });
    expect(await classifyAwsError(timeout)).toEqual({
      name: "TimeoutError",
      kind: "timeout",
      retryable: true,
    });
  });
});
