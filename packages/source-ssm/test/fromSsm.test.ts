import { GetParameterCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { SourceHit } from "@awsconn/core";
import { ConnectionFormatError, createConnection } from "@awsconn/core";
import { describeAwsSourceContract } from "@awsconn/testkit/contract";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { traceModuleLoads } from "@awsconn/testkit/process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromSsm, type SsmInit } from "../src/index.js";

stubAwsTestEnv();

const admin = new SSMClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

async function counted(init: SsmInit = {}) {
  const proxy = await proxies.counting();
  return { proxy, source: fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, ...init }) };
}

async function store(name: string, value: string, type: "String" | "SecureString" = "SecureString") {
  const out = await admin.send(
    new PutParameterCommand({ Name: name, Value: value, Type: type, Overwrite: true }),
  );
  return out.Version as number;
}

describeAwsSourceContract("ssm (moto)", {
  prefix: (label) => `/${uniquePrefix(label)}`,
  store,
  counted: (prefix) => counted({ prefix }),
});

describe("fromSsm against moto", () => {
  it("reads String and SecureString parameters (decrypted), with the version in origin", async () => {
    const prefix = `/${uniquePrefix("param-types")}`;
    await store(`${prefix}/plain`, "aws://AKIAPLAIN:plain-secret@", "String");
    const v1 = await store(`${prefix}/secure`, "aws://AKIASECURE:secure-secret@/?region_name=eu-west-1");
    const v2 = await store(`${prefix}/secure`, "aws://AKIASECURE:secure-secret-2@/?region_name=eu-west-1");
    expect(v2).toBe(v1 + 1);
    const { proxy, source } = await counted({ prefix });
    const plain = (await source.get("plain")) as SourceHit;
    expect(plain.connection).toMatchObject({ connType: "aws", login: "AKIAPLAIN", password: "plain-secret" });
    expect(plain.origin).toBe(`ssm:${prefix}/plain#1`);
    expect(plain.version).toBe("1");
    const secure = (await source.get("secure")) as SourceHit;
    expect(secure.connection).toMatchObject({
      password: "secure-secret-2",
      extra: { region_name: "eu-west-1" },
    });
    expect(secure.origin).toBe(`ssm:${prefix}/secure#${v2}`);
    expect(proxy.count("GetParameter")).toBe(2);
    expect(JSON.parse(proxy.requests[1]?.body ?? "{}")).toMatchObject({ WithDecryption: true });
  });

  it("reads Airflow JSON, description included (no alias keys: those are Secrets Manager's)", async () => {
    const prefix = `/${uniquePrefix("param-json")}`;
    await store(
      `${prefix}/db`,
      JSON.stringify({ conn_type: "postgres", host: "h", port: "5432", extra: '{"a": 1}', description: "d" }),
    );
    const hit = await fromSsm({ region: "us-east-1", endpoint: motoEndpoint(), prefix }).get("db");
    expect({ ...hit?.connection }).toEqual({
      connId: "db",
      connType: "postgres",
      host: "h",
      port: 5432,
      extra: { a: 1 },
      description: "d",
    });
  });

  it("reads values with the Task SDK's parser by default, the server's with parser: 'server'", async () => {
    const prefix = `/${uniquePrefix("param-parser")}`;
    await store(`${prefix}/u`, "aws://user:@h?timeout=30&verify=false");
    const at = { region: "us-east-1", endpoint: motoEndpoint(), prefix };
    expect((await fromSsm(at).get("u"))?.connection).toMatchObject({
      password: "",
      extra: { timeout: "30", verify: "false" },
    });
    const server = (await fromSsm({ ...at, parser: "server" }).get("u"))?.connection;
    expect(server?.extra).toEqual({ timeout: 30, verify: false });
    expect(server).not.toHaveProperty("password");
  });

  it("reads hierarchical ids, adds the leading slash and trims a trailing one", async () => {
    const base = uniquePrefix("param-hier");
    await store(`/${base}/team/aws_default`, "aws://team-host");
    for (const prefix of [base, `/${base}/`, `${base}//`]) {
      const hit = await fromSsm({ region: "us-east-1", endpoint: motoEndpoint(), prefix }).get(
        "team/aws_default",
      );
      expect(hit?.connection.host).toBe("team-host");
      expect(hit?.origin).toBe(`ssm:/${base}/team/aws_default#1`);
    }
  });

  it("sends no request for ids that do not match lookupPattern", async () => {
    const prefix = `/${uniquePrefix("param-pat")}`;
    await store(`${prefix}/aws_x`, "aws://h");
    const { proxy, source } = await counted({ prefix, lookupPattern: "^AWS" });
    await expect(source.get("pg_aws")).resolves.toBeUndefined();
    expect(await source.getMany?.(["pg", "x_aws"])).toEqual(new Map());
    expect(proxy.count()).toBe(0);
    expect((await source.get("aws_x"))?.connection.host).toBe("h");
    expect(proxy.count()).toBe(1);
  });

  it("treats a missing parameter as not here, and malformed data as ConnectionFormatError", async () => {
    const prefix = `/${uniquePrefix("param-miss")}`;
    await store(`${prefix}/bad`, "postgres://u:bad-secret@h:99999/x");
    const source = fromSsm({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    await expect(source.get("missing")).resolves.toBeUndefined();
    const error = await source.get("bad").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as ConnectionFormatError).origin).toBe(`ssm:${prefix}/bad`);
    expect(String((error as Error).message)).not.toContain("bad-secret");
  });
});

describe("getMany, list, put", () => {
  it("fetches 45 ids in exactly 5 GetParameters requests; missing ids are absent", async () => {
    const prefix = `/${uniquePrefix("param-many")}`;
    const ids = Array.from({ length: 45 }, (_, i) => `conn_${i}`);
    const stored = ids.filter((_, i) => i % 9 !== 0);
    for (const id of stored) await store(`${prefix}/${id}`, `aws://${id}`, "String");
    const { proxy, source } = await counted({ prefix });
    const found = await source.getMany?.(ids);
    expect(found?.size).toBe(40);
    for (const id of stored) expect(found?.get(id)?.connection.host).toBe(id);
    expect(proxy.count("GetParameters")).toBe(5);
    expect(proxy.count()).toBe(5);
    const sizes = proxy.requests.map((r) => (JSON.parse(r.body) as { Names: string[] }).Names.length);
    expect(sizes).toEqual([10, 10, 10, 10, 5]);
  });

  it("lists every id under the prefix, recursively, across pages", async () => {
    const prefix = `/${uniquePrefix("param-list")}`;
    const ids = [...Array.from({ length: 12 }, (_, i) => `c${i}`), "team/a", "team/deep/b"];
    for (const id of ids) await store(`${prefix}/${id}`, "aws://h", "String");
    await store(`${prefix}-sibling/x`, "aws://h", "String");
    const { proxy, source } = await counted({ prefix });
    const listed: string[] = [];
    for await (const id of source.list?.() ?? []) listed.push(id);
    expect(listed.sort()).toEqual([...ids].sort());
    expect(proxy.count("GetParametersByPath")).toBeGreaterThan(1); // paginated
  });

  it("put() writes a SecureString with Overwrite, and a second put makes version 2", async () => {
    const prefix = `/${uniquePrefix("param-put")}`;
    const source = fromSsm({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    const connection = createConnection({
      connId: "w",
      connType: "aws",
      login: "AKIAPUT",
      password: "put-secret",
      extra: {},
    });
    await source.put?.(connection);
    await source.put?.(createConnection({ ...connection, password: "put-secret-2" }));
    const raw = await admin.send(new GetParameterCommand({ Name: `${prefix}/w`, WithDecryption: true }));
    expect(raw.Parameter).toMatchObject({ Type: "SecureString", Version: 2 });
    expect(JSON.parse(raw.Parameter?.Value ?? "{}")).toMatchObject({
      conn_type: "aws",
      password: "put-secret-2",
    });
    const hit = await source.get("w");
    expect(hit?.connection.password).toBe("put-secret-2");
    expect(hit?.version).toBe("2");
  });
});

describe("large values", () => {
  it("put() and get() a 10 KB connection (over the 4 KB Standard tier limit)", async () => {
    const prefix = `/${uniquePrefix("param-big")}`;
    const source = fromSsm({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    const blob = "x".repeat(10 * 1024);
    await source.put?.(createConnection({ connId: "big", connType: "aws", extra: { blob } }));
    const raw = await admin.send(new GetParameterCommand({ Name: `${prefix}/big`, WithDecryption: true }));
    expect(raw.Parameter?.Type).toBe("SecureString");
    expect((await source.get("big"))?.connection.extra.blob).toBe(blob);
  });
});

describe("lazy SDK loading", () => {
  it("importing the package loads no @aws-sdk or @smithy module", async () => {
    const trace = await traceModuleLoads(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
    const loaded = [...trace.esm, ...trace.cjs];
    expect(loaded.some((m) => m.endsWith("/fromSsm.ts"))).toBe(true);
    expect(loaded.filter((m) => /@aws-sdk|@smithy/.test(m))).toEqual([]);
  }, 60_000);
});
