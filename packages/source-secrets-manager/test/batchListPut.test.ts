import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { ConnectionFormatError, createConnection } from "@awsconn/core";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromSecretsManager, type SecretsManagerInit } from "../src/index.js";

stubAwsTestEnv();

const admin = new SecretsManagerClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

async function counted(init: SecretsManagerInit = {}) {
  const proxy = await proxies.counting();
  return { proxy, source: fromSecretsManager({ region: "us-east-1", endpoint: proxy.endpoint, ...init }) };
}

describe("getMany", () => {
  it("fetches 45 ids in exactly 3 BatchGetSecretValue requests; missing ids are absent", async () => {
    const prefix = uniquePrefix("sm-many");
    const ids = Array.from({ length: 45 }, (_, i) => `conn_${i}`);
    const stored = ids.filter((_, i) => i % 9 !== 0); // 40 stored, 5 missing
    await Promise.all(
      stored.map((id) =>
        admin.send(new CreateSecretCommand({ Name: `${prefix}/${id}`, SecretString: `aws://${id}` })),
      ),
    );
    const { proxy, source } = await counted({ prefix });
    const found = await source.getMany?.(ids);
    expect(found?.size).toBe(40);
    for (const id of stored) {
      expect(found?.get(id)?.connection.host).toBe(id);
      expect(found?.get(id)?.origin).toMatch(new RegExp(`^secretsmanager:${prefix}/${id}@`));
    }
    for (const id of ids.filter((id) => !stored.includes(id))) expect(found?.has(id)).toBe(false);
    expect(proxy.count("BatchGetSecretValue")).toBe(3);
    expect(proxy.count()).toBe(3);
    // Each request carried at most 20 ids.
    const sizes = proxy.requests.map(
      (r) => (JSON.parse(r.body) as { SecretIdList: string[] }).SecretIdList.length,
    );
    expect(sizes).toEqual([20, 20, 5]);
  });

  it("agrees with get() for every id", async () => {
    const prefix = uniquePrefix("sm-agree");
    await admin.send(
      new CreateSecretCommand({
        Name: `${prefix}/j`,
        SecretString: JSON.stringify({ user: "u", pass: "p" }),
      }),
    );
    const source = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    const many = await source.getMany?.(["j"]);
    const one = await source.get("j");
    expect(many?.get("j")).toEqual(one);
  });
});

describe("list", () => {
  it("lists the ids under the prefix only, matching lookupPattern", async () => {
    const prefix = uniquePrefix("sm-list");
    for (const name of [`${prefix}/a`, `${prefix}/team/b`, `${prefix}/skip_me`, `${prefix}-other/c`]) {
      await admin.send(new CreateSecretCommand({ Name: name, SecretString: "aws://h" }));
    }
    const ids: string[] = [];
    const source = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    for await (const id of source.list?.() ?? []) ids.push(id);
    expect(ids.sort()).toEqual(["a", "skip_me", "team/b"]);
    const filtered: string[] = [];
    const withPattern = fromSecretsManager({
      region: "us-east-1",
      endpoint: motoEndpoint(),
      prefix,
      lookupPattern: "[at]",
    });
    for await (const id of withPattern.list?.() ?? []) filtered.push(id);
    expect(filtered.sort()).toEqual(["a", "team/b"]);
  });
});

describe("put", () => {
  it("creates the secret as Airflow JSON, then updates it (a new AWSCURRENT version)", async () => {
    const prefix = uniquePrefix("sm-put");
    const { proxy, source } = await counted({ prefix });
    const connection = createConnection({
      connId: "w",
      connType: "aws",
      login: "AKIAPUT",
      password: "put-secret",
      extra: { region_name: "eu-west-1" },
    });
    await source.put?.(connection);
    const stored = await admin.send(new GetSecretValueCommand({ SecretId: `${prefix}/w` }));
    expect(JSON.parse(stored.SecretString as string)).toMatchObject({
      conn_type: "aws",
      login: "AKIAPUT",
      password: "put-secret",
    });
    const first = await source.get("w");
    expect({ ...first?.connection }).toEqual({ ...connection });
    proxy.reset();
    await source.put?.(createConnection({ ...connection, password: "rotated-secret" }));
    expect(proxy.count("PutSecretValue")).toBe(1);
    expect(proxy.count("CreateSecret")).toBe(0);
    const second = await source.get("w");
    expect(second?.connection.password).toBe("rotated-secret");
    expect(second?.version).not.toBe(first?.version);
  });

  it("keeps the keys it does not own (rotation metadata), writing each field under the existing spelling", async () => {
    const prefix = uniquePrefix("sm-merge");
    const rotated = {
      engine: "postgres",
      username: "old-user",
      password: "old-password",
      host: "old.internal",
      port: 5432,
      dbname: "analytics",
      masterarn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:master",
      proxy: { tls: true },
    };
    await admin.send(
      new CreateSecretCommand({ Name: `${prefix}/db`, SecretString: JSON.stringify(rotated) }),
    );
    const source = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    const connection = createConnection({
      connId: "db",
      connType: "postgres",
      host: "new.internal",
      login: "etl",
      password: "new-password",
      schema: "analytics",
      extra: { sslmode: "require" },
    });
    await source.put?.(connection);
    const stored = await admin.send(new GetSecretValueCommand({ SecretId: `${prefix}/db` }));
    expect(JSON.parse(stored.SecretString as string)).toEqual({
      engine: "postgres",
      username: "etl",
      password: "new-password",
      host: "new.internal",
      dbname: "analytics",
      masterarn: rotated.masterarn,
      proxy: { tls: true },
      schema: "analytics",
      extra: { sslmode: "require" },
    });
    expect({ ...(await source.get("db"))?.connection }).toEqual({ ...connection });
  });

  it("refuses to overwrite a secret that is not a connection; the secret is unchanged", async () => {
    const prefix = uniquePrefix("sm-refuse");
    const planted = "planted-api-key-9731";
    await admin.send(
      new CreateSecretCommand({ Name: `${prefix}/api`, SecretString: JSON.stringify({ api_key: planted }) }),
    );
    await admin.send(
      new CreateSecretCommand({ Name: `${prefix}/bin`, SecretBinary: new Uint8Array([1, 2, 3]) }),
    );
    await admin.send(new CreateSecretCommand({ Name: `${prefix}/list`, SecretString: "[1, 2]" }));
    const source = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    for (const [id, why] of [
      ["api", "none of the connection keys"],
      ["bin", "only SecretBinary"],
      ["list", "neither a connection URI nor connection JSON"],
    ] as const) {
      const error = await source.put?.(createConnection({ connId: id, connType: "http", extra: {} })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConnectionFormatError);
      expect((error as Error).message).toContain(why);
      expect((error as Error).message).toContain("awsconn will not overwrite it");
      expect((error as Error).message).not.toContain(planted);
    }
    const api = await admin.send(new GetSecretValueCommand({ SecretId: `${prefix}/api` }));
    expect(api.SecretString).toBe(JSON.stringify({ api_key: planted }));
  });
});

describe("lazy SDK loading", () => {
  it("importing the package loads no @aws-sdk or @smithy module", async () => {
    const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
    const trace = await traceModuleLoads(entry);
    const loaded = [...trace.esm, ...trace.cjs];
    expect(loaded.some((m) => m.endsWith("/fromSecretsManager.ts"))).toBe(true);
    expect(loaded.filter((m) => /@aws-sdk|@smithy/.test(m))).toEqual([]);
  }, 60_000);
});
