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
