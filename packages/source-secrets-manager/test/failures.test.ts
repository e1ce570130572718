import { describeAwsSourceFailures, sourceErrorOf } from "@awsconn/testkit/contract";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { stubAwsTestEnv } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { fromSecretsManager } from "../src/index.js";

stubAwsTestEnv();
const proxies = useLoopbackProxies();

describe("failures are SourceErrors", () => {
  it.each([
    [500, "InternalServiceError", true],
    [400, "DecryptionFailure", false],
  ])(
    "%i %s -> SourceError (Airflow says 'not found'; awsconn fails closed)",
    async (status, type, retryable) => {
      const proxy = await proxies.failing(status, type);
      const source = fromSecretsManager({ region: "us-east-1", endpoint: proxy.endpoint, maxAttempts: 1 });
      const error = await sourceErrorOf(source.get("x"));
      expect(error).toMatchObject({ retryable, awsErrorName: type });
    },
  );

  it.each([["ResourceNotFoundException"], ["InvalidRequestException"], ["InvalidParameterException"]])(
    "%s -> not here (undefined)",
    async (type) => {
      const proxy = await proxies.failing(400, type);
      const source = fromSecretsManager({ region: "us-east-1", endpoint: proxy.endpoint });
      await expect(source.get("x")).resolves.toBeUndefined();
      expect(proxy.count()).toBe(1);
    },
  );

  it("a per-id BatchGetSecretValue error other than not-found is that id's SourceError (issue 18: per-id outcomes)", async () => {
    const proxy = await proxies.start({
      respond: () => ({
        status: 200,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify({
          SecretValues: [],
          Errors: [
            { SecretId: "airflow/connections/a", ErrorCode: "ResourceNotFoundException", Message: "gone" },
            { SecretId: "airflow/connections/b", ErrorCode: "DecryptionFailure", Message: "kms said no" },
          ],
        }),
      }),
    });
    const source = fromSecretsManager({ region: "us-east-1", endpoint: proxy.endpoint });
    const hits = await source.getMany?.(["a", "b"]);
    expect(hits?.get("a")).toBeUndefined();
    const error = await sourceErrorOf(Promise.resolve().then(() => hits?.get("b")));
    expect(error).toMatchObject({ awsErrorName: "DecryptionFailure", retryable: false });
    // Reading the whole answer (iterating) never mistakes b's failure for "not here".
    expect(() => [...(hits ?? [])]).toThrow(error);
    expect(error.message).toContain("airflow/connections/b");
  });
});

describeAwsSourceFailures((init) => fromSecretsManager(init), {
  source: "secretsmanager",
  operation: "GetSecretValue",
  target: "airflow/connections/aws_default",
});
