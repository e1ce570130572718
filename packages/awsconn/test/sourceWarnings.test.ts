// Issue 18.3/18.4 through the facade: an AWS source's warnings (batch fallback, manifest
// unavailable) reach the resolver's logger as `warning` events under the layer's label; config
// entries accept knownIds and versionStage.
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { awsJsonError, useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { makeEmit } from "../src/emitEvent.js";
import { createResolver } from "../src/index.js";
import { eventLog, fakeClock } from "./helpers.js";

stubAwsTestEnv();
const proxies = useLoopbackProxies();
const admin = new SecretsManagerClient(awsTestClientConfig());

describe("source warnings as resolver events", () => {
  it("a denied BatchGetSecretValue: one warning event, the ids still found; a denied listing: knownIds falls back", async () => {
    const prefix = uniquePrefix("facade-warn");
    for (const id of ["a", "b"]) {
      await admin.send(
        new CreateSecretCommand({ Name: `${prefix}/${id}`, SecretString: `aws://${id}.internal` }),
      );
    }
    const proxy = await proxies.start({
      target: motoEndpoint(),
      respond: (r) =>
        r.operation === "BatchGetSecretValue" || r.operation === "ListSecrets"
          ? awsJsonError(400, "AccessDeniedException", "explicit deny in a service control policy")
          : undefined,
    });
    const log = eventLog();
    const resolver = createResolver({
      sources: [
        { type: "env" },
        {
          type: "secretsmanager",
          region: "us-east-1",
          endpoint: proxy.endpoint,
          prefix,
          knownIds: { refreshSeconds: 60 },
        },
      ],
      logger: log.logger,
      clock: fakeClock(),
    });
    const found = await resolver.getMany(["a", "b", "absent"]);
    expect([...found.keys()].sort()).toEqual(["a", "b"]);
    const warnings = log.events.filter((e) => e.type === "warning");
    expect(warnings).toEqual([
      expect.objectContaining({ type: "warning", source: "secretsmanager", code: "KNOWN_IDS_UNAVAILABLE" }),
      expect.objectContaining({ type: "warning", source: "secretsmanager", code: "BATCH_FALLBACK" }),
    ]);
    expect(proxy.count("GetSecretValue")).toBe(3);
  });

  it("a console-like logger gets a warning event through warn(), as one line", () => {
    const lines: [string, string][] = [];
    const emit = makeEmit({
      warn: (m: string) => lines.push(["warn", m]),
      debug: (m: string) => lines.push(["debug", m]),
    });
    emit({
      type: "warning",
      source: "secretsmanager",
      code: "BATCH_FALLBACK",
      message: "secretsmanager: BatchGetSecretValue was denied",
    });
    expect(lines).toEqual([["warn", "awsconn: secretsmanager: BatchGetSecretValue was denied"]]);
  });

  it("config accepts knownIds and versionStage, and refuses a bad refreshSeconds", () => {
    expect(() =>
      createResolver({
        sources: [{ type: "secretsmanager", versionStage: "AWSPENDING", knownIds: { refreshSeconds: 300 } }],
      }),
    ).not.toThrow();
    expect(() => createResolver({ sources: [{ type: "ssm", knownIds: { refreshSeconds: 0 } }] })).toThrow(
      /refreshSeconds/,
    );
  });
});

describe("per-id batch outcomes through the cache", () => {
  it("one secret of a batch failing (DecryptionFailure) fails that id only: the other is cached and served", async () => {
    const proxy = await proxies.start({
      respond: (r) =>
        r.operation === "BatchGetSecretValue"
          ? {
              status: 200,
              headers: { "content-type": "application/x-amz-json-1.1" },
              body: JSON.stringify({
                SecretValues: [
                  { Name: "airflow/connections/a", SecretString: "aws://a.internal", VersionId: "v1" },
                ],
                Errors: [
                  { SecretId: "airflow/connections/c", ErrorCode: "DecryptionFailure", Message: "kms" },
                ],
              }),
            }
          : awsJsonError(400, "DecryptionFailure", "kms"),
    });
    const resolver = createResolver({
      sources: [{ type: "secretsmanager", region: "us-east-1", endpoint: proxy.endpoint }],
    });
    await expect(resolver.preload(["a", "c"])).rejects.toMatchObject({ awsErrorName: "DecryptionFailure" });
    expect(proxy.count("BatchGetSecretValue")).toBe(1);
    expect((await resolver.get("a")).host).toBe("a.internal");
    expect(proxy.count()).toBe(1); // a was cached by the batch despite c's failure
    await expect(resolver.get("c")).rejects.toMatchObject({ awsErrorName: "DecryptionFailure" });
  });
});
