// Issue 18.4 (knownIds: misses without a call) and 18.5 (versionStage) against moto.
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import type { SourceWarning } from "@awsconn/aws-source-common";
import { ConfigError, createConnection } from "@awsconn/core";
import { awsJsonError, useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { fromSecretsManager, type SecretsManagerInit } from "../src/index.js";

stubAwsTestEnv();
const admin = new SecretsManagerClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

const store = (name: string, value: string) =>
  admin.send(new CreateSecretCommand({ Name: name, SecretString: value }));

/** A source with a manifest, behind a counting proxy (ListSecrets denied while `deny.list`), on a test clock. */
async function withManifest(prefix: string, init: SecretsManagerInit = {}) {
  const deny = { list: false };
  const proxy = await proxies.start({
    target: motoEndpoint(),
    respond: (r) =>
      deny.list && r.operation === "ListSecrets"
        ? awsJsonError(400, "AccessDeniedException", "no")
        : undefined,
  });
  const clock = { t: 1_000, now: () => clock.t };
  const warnings: SourceWarning[] = [];
  const source = fromSecretsManager({
    region: "us-east-1",
    endpoint: proxy.endpoint,
    prefix,
    knownIds: { refreshSeconds: 60 },
    clock,
    onWarning: (w) => warnings.push(w),
    ...init,
  });
  return { proxy, source, clock, warnings, deny };
}

describe("knownIds", () => {
  it("a listed id is fetched; an unlisted one is a miss without a call; the manifest is listed once per interval", async () => {
    const prefix = uniquePrefix("sm-known");
    await store(`${prefix}/a`, "aws://host-a");
    await store(`${prefix}/b`, "aws://host-b");
    const { proxy, source, clock } = await withManifest(prefix);
    expect((await source.get("a"))?.connection.host).toBe("host-a");
    expect(proxy.count("ListSecrets")).toBe(1);
    expect(proxy.count("GetSecretValue")).toBe(1);
    await expect(source.get("zz")).resolves.toBeUndefined();
    expect(proxy.count()).toBe(2);

    const many = await source.getMany?.(["a", "b", "zz", "yy"]);
    expect([...(many?.keys() ?? [])].sort()).toEqual(["a", "b"]);
    const batch = proxy.requests.find((r) => r.operation === "BatchGetSecretValue");
    expect((JSON.parse(batch?.body ?? "{}") as { SecretIdList: string[] }).SecretIdList).toEqual([
      `${prefix}/a`,
      `${prefix}/b`,
    ]);

    // Created elsewhere: a miss until the next listing, found after the interval.
    await store(`${prefix}/c`, "aws://host-c");
    clock.t += 59_000;
    await expect(source.get("c")).resolves.toBeUndefined();
    clock.t += 1_000;
    expect((await source.get("c"))?.connection.host).toBe("host-c");
    expect(proxy.count("ListSecrets")).toBe(2);
  });

  it("a manifest that cannot be listed: a warning, per-id calls, listed again one interval later", async () => {
    const prefix = uniquePrefix("sm-known-fail");
    await store(`${prefix}/a`, "aws://host-a");
    const { proxy, source, clock, warnings, deny } = await withManifest(prefix);
    deny.list = true;
    expect((await source.get("a"))?.connection.host).toBe("host-a");
    await expect(source.get("zz")).resolves.toBeUndefined();
    expect(proxy.count("GetSecretValue")).toBe(2); // the miss cost a call: no manifest
    expect(proxy.count("ListSecrets")).toBe(1);
    expect(warnings).toEqual([
      { code: "KNOWN_IDS_UNAVAILABLE", message: expect.stringContaining("AccessDeniedException") },
    ]);
    deny.list = false;
    clock.t += 60_000;
    await expect(source.get("zz")).resolves.toBeUndefined();
    expect(proxy.count("ListSecrets")).toBe(2);
    expect(proxy.count("GetSecretValue")).toBe(2);
  });

  it("put() adds the id: the next get finds it without another listing", async () => {
    const prefix = uniquePrefix("sm-known-put");
    const { proxy, source } = await withManifest(prefix);
    await expect(source.get("w")).resolves.toBeUndefined();
    await source.put?.(createConnection({ connId: "w", connType: "http", host: "h", extra: {} }));
    expect((await source.get("w"))?.connection.host).toBe("h");
    expect(proxy.count("ListSecrets")).toBe(1);
  });
});

describe("versionStage", () => {
  it("AWSPENDING reads the pending version (VersionId in version and origin); the default reads AWSCURRENT", async () => {
    const prefix = uniquePrefix("sm-stage");
    const name = `${prefix}/rotating`;
    const current = await store(name, "aws://AKIAOLD:old-secret@/");
    const pending = await admin.send(
      new PutSecretValueCommand({
        SecretId: name,
        SecretString: "aws://AKIANEW:new-secret@/",
        VersionStages: ["AWSPENDING"],
      }),
    );
    const proxy = await proxies.counting();
    const warnings: SourceWarning[] = [];
    const source = fromSecretsManager({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      prefix,
      versionStage: "AWSPENDING",
      onWarning: (w) => warnings.push(w),
    });
    const hit = await source.get("rotating");
    expect(hit?.connection.login).toBe("AKIANEW");
    expect(hit?.version).toBe(pending.VersionId);
    expect(hit?.origin).toBe(`secretsmanager:${name}@${pending.VersionId}`);
    expect(JSON.parse(proxy.requests[0]?.body ?? "{}")).toMatchObject({ VersionStage: "AWSPENDING" });

    // getMany cannot batch a stage: one GetSecretValue per id, no warning.
    proxy.reset();
    const many = await source.getMany?.(["rotating", "absent"]);
    expect(many?.get("rotating")?.version).toBe(pending.VersionId);
    expect(proxy.count("BatchGetSecretValue")).toBe(0);
    expect(proxy.count("GetSecretValue")).toBe(2);
    expect(warnings).toEqual([]);

    const plain = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    expect((await plain.get("rotating"))?.version).toBe(current.VersionId);
    const explicitCurrent = fromSecretsManager({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      prefix,
      versionStage: "AWSCURRENT",
    });
    proxy.reset();
    expect((await explicitCurrent.getMany?.(["rotating"]))?.get("rotating")?.connection.login).toBe(
      "AKIAOLD",
    );
    expect(proxy.count("BatchGetSecretValue")).toBe(1);
  });

  it("refuses an empty versionStage with a ConfigError", () => {
    expect(() => fromSecretsManager({ versionStage: "" })).toThrow(ConfigError);
  });
});
