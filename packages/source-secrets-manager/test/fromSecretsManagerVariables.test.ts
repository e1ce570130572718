import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { ConnectionFormatError, SourceError } from "@awsconn/core";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SECRETS_MANAGER_VARIABLES_PREFIX,
  type SecretsManagerVariablesInit,
  fromSecretsManagerVariables,
} from "../src/index.js";

stubAwsTestEnv({ AWS_SESSION_TOKEN: "", AWS_PROFILE: "" });

const admin = new SecretsManagerClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

async function counted(init: SecretsManagerVariablesInit = {}) {
  const proxy = await proxies.counting();
  return {
    proxy,
    source: fromSecretsManagerVariables({ region: "us-east-1", endpoint: proxy.endpoint, ...init }),
  };
}

async function store(name: string, value: { SecretString: string } | { SecretBinary: Uint8Array }) {
  const out = await admin.send(new CreateSecretCommand({ Name: name, ...value }));
  return out.VersionId as string;
}

describe("fromSecretsManagerVariables against moto", () => {
  it("reads airflow/variables/<key> by default: the raw SecretString, with its VersionId", async () => {
    const key = uniquePrefix("var-default").replace(/\//g, "_");
    const version = await store(`${DEFAULT_SECRETS_MANAGER_VARIABLES_PREFIX}/${key}`, {
      SecretString: ' {"not": "parsed"} ',
    });
    const { source } = await counted();
    expect(await source.getVariable(key)).toEqual({
      value: ' {"not": "parsed"} ',
      origin: `secretsmanager:airflow/variables/${key}@${version}`,
      version,
    });
  });

  it("takes prefix and sep; '' is the bare key; missing is not here", async () => {
    const prefix = uniquePrefix("var-sep");
    await store(`${prefix}:region`, { SecretString: "eu-west-1" });
    const { source } = await counted({ prefix: `${prefix}:`, sep: ":" });
    expect((await source.getVariable("region"))?.value).toBe("eu-west-1");
    expect(await source.getVariable("absent")).toBeUndefined();
    const bare = await counted({ prefix: "" });
    expect((await bare.source.getVariable(`${prefix}:region`))?.value).toBe("eu-west-1");
  });

  it("prefix null and a lookup pattern that does not match make no call", async () => {
    const off = await counted({ prefix: null });
    expect(await off.source.getVariable("region")).toBeUndefined();
    const filtered = await counted({ lookupPattern: "app_" });
    expect(await filtered.source.getVariable("x_app_region")).toBeUndefined();
    expect(off.proxy.requests.length + filtered.proxy.requests.length).toBe(0);
  });

  it("a binary-only secret is a ConnectionFormatError; a backend failure a SourceError", async () => {
    const prefix = uniquePrefix("var-binary");
    await store(`${prefix}/blob`, { SecretBinary: new Uint8Array([1, 2, 3]) });
    const { source } = await counted({ prefix });
    await expect(source.getVariable("blob")).rejects.toBeInstanceOf(ConnectionFormatError);
    const proxy = await proxies.failing(400, "AccessDeniedException", "not allowed");
    const denied = fromSecretsManagerVariables({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      maxAttempts: 1,
    });
    const error = await denied.getVariable("region").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).source).toBe("secretsmanager");
  });
});

describe("fromSecretsManagerVariables.listVariables against moto", () => {
  const list = async (source: ReturnType<typeof fromSecretsManagerVariables>) => {
    const keys: string[] = [];
    for await (const key of source.listVariables?.() ?? []) keys.push(key);
    return keys.sort();
  };

  it("ListSecrets filtered on <prefix><sep>, the keys the pattern accepts; no secret value is read", async () => {
    const prefix = uniquePrefix("var-list");
    await store(`${prefix}:region`, { SecretString: "eu-west-1" });
    await store(`${prefix}:app_bucket`, { SecretString: "b1" });
    await store(`${prefix}:app/nested`, { SecretString: "n1" });
    await store(`${prefix}-other:app_x`, { SecretString: "not under the prefix" });
    const { proxy, source } = await counted({ prefix, sep: ":" });
    expect(await list(source)).toEqual(["app/nested", "app_bucket", "region"]);
    expect(JSON.parse(proxy.requests[0]?.body ?? "{}")).toMatchObject({
      Filters: [{ Key: "name", Values: [`${prefix}:`] }],
    });
    expect(proxy.count("GetSecretValue")).toBe(0);
    const filtered = await counted({ prefix, sep: ":", lookupPattern: "APP_" });
    expect(await list(filtered.source)).toEqual(["app_bucket"]);
    // each listed key is one getVariable finds
    expect((await source.getVariable("app/nested"))?.value).toBe("n1");
  });

  it("a team's view in multi-team mode: its own keys as bare keys and the global ones, no other team's", async () => {
    const prefix = uniquePrefix("var-list-team");
    for (const name of ["shared", "team_a--own", "team_a--shared", "team_b--theirs"])
      await store(`${prefix}/${name}`, { SecretString: "v" });
    const teamA = await counted({ prefix, team: "team_a", multiTeam: true });
    expect(await list(teamA.source)).toEqual(["own", "shared"]);
    const global = await counted({ prefix, multiTeam: true });
    expect(await list(global.source)).toEqual(["shared"]);
  });

  it("prefix null lists nothing without a request; AccessDenied is a SourceError naming ListSecrets", async () => {
    const off = await counted({ prefix: null });
    expect(await list(off.source)).toEqual([]);
    expect(off.proxy.requests).toHaveLength(0);
    const proxy = await proxies.failing(400, "AccessDeniedException", "not allowed");
    const denied = fromSecretsManagerVariables({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      maxAttempts: 1,
    });
    const error = await list(denied).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).source).toBe("secretsmanager");
    expect((error as Error).message).toMatch(/ListSecrets "airflow\/variables\/" failed: AccessDenied/);
  });
});
