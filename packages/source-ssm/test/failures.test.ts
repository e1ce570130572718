import { describeAwsSourceFailures, sourceErrorOf } from "@awsconn/testkit/contract";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { stubAwsTestEnv } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { fromSsm } from "../src/index.js";

stubAwsTestEnv();
const proxies = useLoopbackProxies();

describe("failures are SourceErrors", () => {
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

describeAwsSourceFailures((init) => fromSsm(init), {
  source: "ssm",
  operation: "GetParameter",
  target: "/airflow/connections/aws_default",
});
