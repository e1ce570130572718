// Issue 18.3: BatchGetSecretValue refused (denied by a policy that allows only GetSecretValue, or
// throttled after the SDK's retries) falls back to bounded concurrent GetSecretValue calls, once
// per source, with a warning; per-secret errors of a batch reply are per-id outcomes.
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { SourceWarning } from "@awsconn/aws-source-common";
import { sourceErrorOf } from "@awsconn/testkit/contract";
import { awsJsonError, type CannedResponse, useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { BATCH_REPROBE_SECONDS, GET_SECRET_CONCURRENCY, fromSecretsManager } from "../src/index.js";

stubAwsTestEnv();
const admin = new SecretsManagerClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

const DENIED = awsJsonError(
  400,
  "AccessDeniedException",
  "User is not authorized to perform: secretsmanager:BatchGetSecretValue with an explicit deny in a service control policy",
);
const THROTTLED = awsJsonError(400, "ThrottlingException", "Rate exceeded");

/** Secrets a..n under a fresh prefix, plus the ids asked for (two of them missing). */
async function seeded(count: number) {
  const prefix = uniquePrefix("sm-fallback");
  const stored = Array.from({ length: count }, (_, i) => `conn_${i}`);
  await Promise.all(
    stored.map((id) =>
      admin.send(new CreateSecretCommand({ Name: `${prefix}/${id}`, SecretString: `aws://${id}` })),
    ),
  );
  return { prefix, stored, asked: [...stored, "missing_1", "missing_2"] };
}

/** moto behind a proxy that answers BatchGetSecretValue with `batch` and counts GetSecretValue in flight. */
async function behindProxy(batch: () => CannedResponse | undefined) {
  let inFlight = 0;
  let maxInFlight = 0;
  const proxy = await proxies.start({
    target: motoEndpoint(),
    respond: async (request) => {
      if (request.operation === "BatchGetSecretValue") return batch();
      if (request.operation !== "GetSecretValue") return undefined;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5)); // hold it a moment so concurrent calls overlap
      inFlight--;
      return undefined;
    },
  });
  return { proxy, maxInFlight: () => maxInFlight };
}

describe("BatchGetSecretValue refused", () => {
  it("denied: one warning, every id read by concurrent GetSecretValue (at most 8 at once); later getMany skip the batch", async () => {
    const { prefix, stored, asked } = await seeded(25);
    const { proxy, maxInFlight } = await behindProxy(() => DENIED);
    const warnings: SourceWarning[] = [];
    const source = fromSecretsManager({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      prefix,
      onWarning: (w) => warnings.push(w),
    });
    const found = await source.getMany?.(asked);
    expect([...(found?.keys() ?? [])].sort()).toEqual([...stored].sort());
    for (const id of stored) expect(found?.get(id)?.connection.host).toBe(id);
    expect(found?.get("missing_1")).toBeUndefined();
    expect(proxy.count("BatchGetSecretValue")).toBe(1); // access denied is not retried by the SDK
    expect(proxy.count("GetSecretValue")).toBe(asked.length);
    expect(maxInFlight()).toBeLessThanOrEqual(GET_SECRET_CONCURRENCY);
    expect(maxInFlight()).toBeGreaterThan(1);
    expect(warnings).toEqual([
      {
        code: "BATCH_FALLBACK",
        message: expect.stringMatching(
          /BatchGetSecretValue was denied \(AccessDeniedException\).*GetSecretValue/,
        ),
      },
    ]);

    proxy.reset();
    const again = await source.getMany?.(["conn_1", "conn_2", "missing_1"]);
    expect(again?.size).toBe(2);
    expect(proxy.count("BatchGetSecretValue")).toBe(0);
    expect(proxy.count("GetSecretValue")).toBe(3);
    expect(warnings).toHaveLength(1);
  });

  it("throttled after the SDK's retries: falls back; the batch is tried again after BATCH_REPROBE_SECONDS", async () => {
    const { prefix, stored, asked } = await seeded(3);
    let throttle = true;
    const { proxy } = await behindProxy(() => (throttle ? THROTTLED : undefined));
    const warnings: SourceWarning[] = [];
    let now = 1_000;
    // A ready client with the SDK's standard retry: the sources' own clients use the adaptive mode,
    // whose client-side rate limiter would then also slow the fallback's calls down after the throttle.
    const client = new SecretsManagerClient({
      ...awsTestClientConfig(proxy.endpoint),
      maxAttempts: 2,
      retryMode: "standard",
    });
    const source = fromSecretsManager({
      client,
      prefix,
      clock: { now: () => now },
      onWarning: (w) => warnings.push(w),
    });
    expect((await source.getMany?.(asked))?.size).toBe(stored.length);
    expect(proxy.count("BatchGetSecretValue")).toBe(2); // both attempts throttled
    expect(proxy.count("GetSecretValue")).toBe(asked.length);
    expect(warnings[0]?.message).toMatch(/throttled \(ThrottlingException\).*for 600 s/);

    proxy.reset();
    now += (BATCH_REPROBE_SECONDS - 1) * 1000;
    await source.getMany?.(asked);
    expect(proxy.count("BatchGetSecretValue")).toBe(0);

    proxy.reset();
    throttle = false;
    now += 1000;
    const found = await source.getMany?.(asked);
    expect(found?.size).toBe(stored.length);
    expect(proxy.count("BatchGetSecretValue")).toBe(1);
    expect(proxy.count("GetSecretValue")).toBe(0);
    expect(warnings).toHaveLength(1);
  });

  it("any other batch failure (HTTP 500) is not a refusal: getMany fails, no fallback", async () => {
    const { proxy } = await behindProxy(() => awsJsonError(500, "InternalServiceError", "oops"));
    const warnings: SourceWarning[] = [];
    const source = fromSecretsManager({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      maxAttempts: 1,
      onWarning: (w) => warnings.push(w),
    });
    const error = await sourceErrorOf(source.getMany?.(["a", "b"]) ?? Promise.resolve());
    expect(error).toMatchObject({ awsErrorName: "InternalServiceError", retryable: true });
    expect(proxy.count("GetSecretValue")).toBe(0);
    expect(warnings).toEqual([]);
  });
});

describe("per-secret errors of a batch reply", () => {
  it("are per-id outcomes: a hit, a miss (not found), and that id's SourceError (DecryptionFailure)", async () => {
    const proxy = await proxies.start({
      respond: () => ({
        status: 200,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify({
          SecretValues: [{ Name: "airflow/connections/a", SecretString: "aws://host-a", VersionId: "v-a" }],
          Errors: [
            { SecretId: "airflow/connections/b", ErrorCode: "ResourceNotFoundException", Message: "gone" },
            { SecretId: "airflow/connections/c", ErrorCode: "DecryptionFailure", Message: "kms said no" },
          ],
        }),
      }),
    });
    const source = fromSecretsManager({ region: "us-east-1", endpoint: proxy.endpoint });
    const hits = await source.getMany?.(["a", "b", "c"]);
    expect(hits?.get("a")?.origin).toBe("secretsmanager:airflow/connections/a@v-a");
    expect(hits?.get("b")).toBeUndefined();
    const error = await sourceErrorOf(Promise.resolve().then(() => hits?.get("c")));
    expect(error).toMatchObject({ source: "secretsmanager", awsErrorName: "DecryptionFailure" });
    expect(error.message).toContain("airflow/connections/c");
    expect(proxy.count()).toBe(1);
  });
});
