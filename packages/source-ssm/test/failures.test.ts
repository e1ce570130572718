import { describeAwsEndpointDown, sourceErrorOf, stubAwsTestEnv, useLoopbackProxies } from "@awsconn/testkit";
import { describe, expect, it } from "vitest";
import { fromSsm } from "../src/index.js";

stubAwsTestEnv();
const proxies = useLoopbackProxies();

describe("failures are SourceErrors", () => {
  // moto does not enforce IAM: a loopback server answers as AWS does for a denied call.
  it("access denied -> SourceError, not retryable, one request, no secret in the message", async () => {
    const proxy = await proxies.failing(
      400,
      "AccessDeniedException",
      "User: arn:aws:iam::1:user/x is not authorized",
    );
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    const error = await sourceErrorOf(source.get("aws_default"));
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
    const proxy = await proxies.failing(400, "ThrottlingException", "Rate exceeded");
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    const error = await sourceErrorOf(source.get("x"));
    expect(error).toMatchObject({ retryable: true, awsErrorName: "ThrottlingException" });
    expect(proxy.count()).toBe(3);
  });

  it.each([
    [500, "InternalServerError", true],
    [400, "InvalidKeyId", false],
    [400, "ValidationException", false],
  ])("%i %s -> SourceError", async (status, type, retryable) => {
    const proxy = await proxies.failing(status, type);
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, maxAttempts: 1 });
    const error = await sourceErrorOf(source.get("x"));
    expect(error).toMatchObject({ retryable, awsErrorName: type });
  });

  it("ParameterNotFound -> not here (undefined), one request", async () => {
    const proxy = await proxies.failing(400, "ParameterNotFound");
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    await expect(source.get("x")).resolves.toBeUndefined();
    expect(proxy.count()).toBe(1);
  });

  it("a failed GetParameters fails getMany", async () => {
    const proxy = await proxies.failing(
      400,
      "AccessDeniedException",
      "not authorized to perform ssm:GetParameters",
    );
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint });
    const error = await sourceErrorOf(source.getMany?.(["a", "b"]) ?? Promise.resolve());
    expect(error).toMatchObject({ awsErrorName: "AccessDeniedException", retryable: false });
    expect(proxy.count("GetParameters")).toBe(1);
  });
});

describeAwsEndpointDown((init) => fromSsm(init));
