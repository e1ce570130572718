import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { SourceError } from "@awsconn/core";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { DEFAULT_SSM_VARIABLES_PREFIX, type SsmVariablesInit, fromSsmVariables } from "../src/index.js";

stubAwsTestEnv();

const admin = new SSMClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

async function counted(init: SsmVariablesInit = {}) {
  const proxy = await proxies.counting();
  return { proxy, source: fromSsmVariables({ region: "us-east-1", endpoint: proxy.endpoint, ...init }) };
}

async function store(name: string, value: string) {
  await admin.send(
    new PutParameterCommand({ Name: name, Value: value, Type: "SecureString", Overwrite: true }),
  );
}

describe("fromSsmVariables against moto", () => {
  it("reads /airflow/variables/<key> by default: the raw value, decrypted, with its version", async () => {
    const key = uniquePrefix("var-default").replace(/\//g, "_");
    await store(`${DEFAULT_SSM_VARIABLES_PREFIX}/${key}`, '  {"a": 1}\n');
    const { proxy, source } = await counted();
    expect(await source.getVariable(key)).toEqual({
      value: '  {"a": 1}\n',
      origin: `ssm:/airflow/variables/${key}#1`,
      version: "1",
    });
    expect(JSON.parse(proxy.requests[0]?.body ?? "{}")).toMatchObject({ WithDecryption: true });
  });

  it("a prefix without a leading slash gets one; trailing slashes are trimmed; missing is not here", async () => {
    const prefix = uniquePrefix("var-prefix");
    await store(`/${prefix}/region`, "eu-west-1");
    const { source } = await counted({ prefix: `${prefix}//` });
    expect((await source.getVariable("region"))?.origin).toBe(`ssm:/${prefix}/region#1`);
    expect(await source.getVariable("absent")).toBeUndefined();
  });

  it("prefix null and a lookup pattern that does not match make no call", async () => {
    const off = await counted({ prefix: null });
    expect(await off.source.getVariable("region")).toBeUndefined();
    expect(off.proxy.requests).toHaveLength(0);
    const filtered = await counted({ lookupPattern: "app_" });
    expect(await filtered.source.getVariable("other_region")).toBeUndefined();
    expect(filtered.proxy.requests).toHaveLength(0);
    expect(await filtered.source.getVariable("APP_absent")).toBeUndefined(); // case-insensitive: asked
    expect(filtered.proxy.requests).toHaveLength(1);
  });

  it("a backend failure is a SourceError, never 'not here'", async () => {
    const proxy = await proxies.failing(400, "AccessDeniedException", "not allowed");
    const source = fromSsmVariables({ region: "us-east-1", endpoint: proxy.endpoint, maxAttempts: 1 });
    const error = await source.getVariable("region").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).source).toBe("ssm");
  });
});

describe("fromSsmVariables.listVariables against moto", () => {
  const list = async (source: ReturnType<typeof fromSsmVariables>) => {
    const keys: string[] = [];
    for await (const key of source.listVariables?.() ?? []) keys.push(key);
    return keys.sort();
  };

  it("GetParametersByPath under the prefix (recursive, values not decrypted), the keys the pattern accepts", async () => {
    const prefix = `/${uniquePrefix("var-list")}`;
    await store(`${prefix}/region`, "eu-west-1");
    await store(`${prefix}/app_bucket`, "b1");
    await store(`${prefix}/app/nested`, "n1");
    await store(`${prefix}-other/app_x`, "not under the prefix");
    const { proxy, source } = await counted({ prefix });
    expect(await list(source)).toEqual(["app/nested", "app_bucket", "region"]);
    const body = JSON.parse(proxy.requests[0]?.body ?? "{}");
    expect(body).toMatchObject({ Path: prefix, Recursive: true, WithDecryption: false });
    expect(proxy.count("GetParameter")).toBe(0);
    // keys getVariable would never look up are left out
    expect(await list((await counted({ prefix, lookupPattern: "APP_" })).source)).toEqual(["app_bucket"]);
    // each listed key is one getVariable finds
    expect((await source.getVariable("app/nested"))?.value).toBe("n1");
  });

  it("a team's view in multi-team mode: its own keys as bare keys and the global ones, no other team's", async () => {
    const prefix = `/${uniquePrefix("var-list-team")}`;
    for (const name of ["shared", "team_a--own", "team_a--shared", "team_b--theirs"])
      await store(`${prefix}/${name}`, "v");
    const teamA = await counted({ prefix, team: "team_a", multiTeam: true });
    expect(await list(teamA.source)).toEqual(["own", "shared"]);
    const global = await counted({ prefix, multiTeam: true });
    expect(await list(global.source)).toEqual(["shared"]);
  });

  it("prefix null lists nothing without a request; AccessDenied is a SourceError naming the call", async () => {
    const off = await counted({ prefix: null });
    expect(await list(off.source)).toEqual([]);
    expect(off.proxy.requests).toHaveLength(0);
    const proxy = await proxies.failing(400, "AccessDeniedException", "not allowed");
    const denied = fromSsmVariables({ region: "us-east-1", endpoint: proxy.endpoint, maxAttempts: 1 });
    const error = await list(denied).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).source).toBe("ssm");
    expect((error as Error).message).toMatch(/GetParametersByPath/);
    expect((error as Error).message).toContain("/airflow/variables");
  });
});
