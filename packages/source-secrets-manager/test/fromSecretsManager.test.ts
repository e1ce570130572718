import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import type { SourceHit } from "@awsconn/core";
import { ConnectionFormatError } from "@awsconn/core";
import {
  DEFAULT_CONTRACT_SEED,
  describeAwsSourceContract,
  type SeedConnection,
} from "@awsconn/testkit/contract";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { motoEndpoint, stubAwsTestEnv, uniquePrefix, awsTestClientConfig } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { fromSecretsManager, type SecretsManagerInit } from "../src/index.js";

// The sources build their own SDK clients from `endpoint` + `region`: give them dummy keys
// through the environment and keep any real profile or instance metadata out of the way.
stubAwsTestEnv({ AWS_SESSION_TOKEN: "", AWS_PROFILE: "" });

const admin = new SecretsManagerClient(awsTestClientConfig());
const proxies = useLoopbackProxies();

/** A source talking to moto through a counting proxy. */
async function counted(init: SecretsManagerInit = {}) {
  const proxy = await proxies.counting();
  return { proxy, source: fromSecretsManager({ region: "us-east-1", endpoint: proxy.endpoint, ...init }) };
}

async function store(name: string, value: string): Promise<string> {
  const out = await admin.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  return out.VersionId as string;
}

// Airflow's SecretsManagerBackend drops `description` from JSON secrets: seed without it.
const SM_SEED: SeedConnection[] = DEFAULT_CONTRACT_SEED.map(({ description: _d, ...c }) => c);

describeAwsSourceContract("secretsmanager (moto)", {
  prefix: uniquePrefix,
  store,
  counted: (prefix) => counted({ prefix }),
  seed: SM_SEED,
});

describe("fromSecretsManager against moto", () => {
  it("reads a URI secret, with the VersionId in origin and version", async () => {
    const prefix = uniquePrefix("sm-uri");
    const versionId = await store(
      `${prefix}/aws_default`,
      "aws://AKIAEXAMPLE:s3cr%2Ft@/?region_name=eu-west-1",
    );
    const { proxy, source } = await counted({ prefix });
    const hit = (await source.get("aws_default")) as SourceHit;
    expect(hit.connection).toMatchObject({
      connId: "aws_default",
      connType: "aws",
      login: "AKIAEXAMPLE",
      password: "s3cr/t",
      extra: { region_name: "eu-west-1" },
    });
    expect(hit.origin).toBe(`secretsmanager:${prefix}/aws_default@${versionId}`);
    expect(hit.version).toBe(versionId);
    expect(proxy.count("GetSecretValue")).toBe(1);
    expect(proxy.count()).toBe(1);
  });

  it("reads a JSON secret with Airflow's alias keys and extra as an object or a string", async () => {
    const prefix = uniquePrefix("sm-json");
    await store(
      `${prefix}/db`,
      JSON.stringify({
        user: "app",
        pass: "pw-1",
        server: "db.internal",
        database: "warehouse",
        engine: "postgresql",
        port: "5432",
        extra: { sslmode: "require" },
      }),
    );
    await store(`${prefix}/db2`, JSON.stringify({ username: "u", key: "k", extra: '{"a": 1}' }));
    const source = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    const db = await source.get("db");
    expect({ ...db?.connection }).toEqual({
      connId: "db",
      connType: "postgres",
      host: "db.internal",
      login: "app",
      password: "pw-1",
      schema: "warehouse",
      port: 5432,
      extra: { sslmode: "require" },
    });
    const db2 = await source.get("db2");
    expect({ ...db2?.connection }).toEqual({ connId: "db2", login: "u", password: "k", extra: { a: 1 } });
  });

  it("uses extraConnWords as more aliases", async () => {
    const prefix = uniquePrefix("sm-words");
    await store(`${prefix}/x`, JSON.stringify({ usr: "u", pwd: "p", endpoint: "h", kind: "mysql" }));
    const source = fromSecretsManager({
      region: "us-east-1",
      endpoint: motoEndpoint(),
      prefix,
      extraConnWords: { user: ["usr"], password: ["pwd"], host: ["endpoint"], conn_type: ["kind"] },
    });
    expect((await source.get("x"))?.connection).toMatchObject({
      login: "u",
      password: "p",
      host: "h",
      connType: "mysql",
    });
  });

  it("reads values with the Task SDK's parser by default, the server's with parser: 'server'", async () => {
    const prefix = uniquePrefix("sm-parser");
    await store(`${prefix}/u`, "aws://user:@h?timeout=30");
    await store(`${prefix}/j`, JSON.stringify({ login: "u", password: "" }));
    const at = { region: "us-east-1", endpoint: motoEndpoint(), prefix };
    const task = fromSecretsManager(at);
    expect((await task.get("u"))?.connection).toMatchObject({ password: "", extra: { timeout: "30" } });
    expect((await task.get("j"))?.connection.password).toBe("");
    const server = fromSecretsManager({ ...at, parser: "server" });
    expect((await server.get("u"))?.connection.extra).toEqual({ timeout: 30 });
    expect((await server.get("u"))?.connection).not.toHaveProperty("password");
    expect((await server.get("j"))?.connection).not.toHaveProperty("password");
  });

  it("refuses a binary-only secret with a ConnectionFormatError that does not show its bytes", async () => {
    const prefix = uniquePrefix("sm-bin");
    await admin.send(
      new CreateSecretCommand({
        Name: `${prefix}/bin`,
        SecretBinary: Buffer.from("aws://AKIA:binary-secret@"),
      }),
    );
    const source = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    const error = await source.get("bin").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as ConnectionFormatError).origin).toBe(`secretsmanager:${prefix}/bin`);
    expect((error as Error).message).toMatch(/SecretBinary/);
    expect((error as Error).message).not.toContain("binary-secret");
  });

  it("returns the rotated (AWSCURRENT) version, never AWSPREVIOUS", async () => {
    const prefix = uniquePrefix("sm-rot");
    const first = await store(`${prefix}/x`, "aws://old-host");
    const second = await admin.send(
      new PutSecretValueCommand({ SecretId: `${prefix}/x`, SecretString: "aws://new-host" }),
    );
    expect(second.VersionId).not.toBe(first);
    const previous = await admin.send(
      new GetSecretValueCommand({ SecretId: `${prefix}/x`, VersionStage: "AWSPREVIOUS" }),
    );
    expect(previous.SecretString).toBe("aws://old-host"); // moto really keeps the old version
    const hit = await fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix }).get("x");
    expect(hit?.connection.host).toBe("new-host");
    expect(hit?.version).toBe(second.VersionId);
    expect(hit?.origin).toBe(`secretsmanager:${prefix}/x@${second.VersionId}`);
  });

  it("reads a 10 KB secret intact", async () => {
    const prefix = uniquePrefix("sm-big");
    const blob = "x".repeat(10 * 1024);
    await store(`${prefix}/big`, JSON.stringify({ conn_type: "aws", extra: { blob } }));
    const hit = await fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix }).get(
      "big",
    );
    expect(hit?.connection.extra.blob).toBe(blob);
  });

  it("sends no request for ids that do not match lookupPattern (case-insensitive, anchored at the start)", async () => {
    const prefix = uniquePrefix("sm-pat");
    await store(`${prefix}/aws_x`, "aws://h");
    await store(`${prefix}/pg_aws`, "postgres://h");
    const { proxy, source } = await counted({ prefix, lookupPattern: "AWS_" });
    await expect(source.get("pg_aws")).resolves.toBeUndefined();
    expect(await source.getMany?.(["pg_aws", "other"])).toEqual(new Map());
    expect(proxy.count()).toBe(0);
    expect((await source.get("aws_x"))?.connection.host).toBe("h");
    expect(proxy.count()).toBe(1);
  });

  it("trims a trailing separator from the prefix, and reads hierarchical ids", async () => {
    const prefix = uniquePrefix("sm-sep");
    await store(`${prefix}/team/aws_default`, "aws://team-host");
    const source = fromSecretsManager({
      region: "us-east-1",
      endpoint: motoEndpoint(),
      prefix: `${prefix}//`,
    });
    const hit = await source.get("team/aws_default");
    expect(hit?.connection.host).toBe("team-host");
    expect(hit?.origin).toMatch(new RegExp(`^secretsmanager:${prefix}/team/aws_default@`));
  });

  it("reads the bare id with an empty prefix, and a custom separator", async () => {
    const bare = uniquePrefix("sm-bare");
    await store(bare, "aws://bare-host");
    expect(
      (await fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix: "" }).get(bare))
        ?.connection.host,
    ).toBe("bare-host");
    const prefix = uniquePrefix("sm-colon");
    await store(`${prefix}:x`, "aws://colon-host");
    const colon = fromSecretsManager({
      region: "us-east-1",
      endpoint: motoEndpoint(),
      prefix: `${prefix}:`,
      sep: ":",
    });
    expect((await colon.get("x"))?.connection.host).toBe("colon-host");
  });

  it("treats missing and deleted (scheduled for deletion) secrets as not here", async () => {
    const prefix = uniquePrefix("sm-miss");
    await store(`${prefix}/gone`, "aws://h");
    const { DeleteSecretCommand } = await import("@aws-sdk/client-secrets-manager");
    await admin.send(new DeleteSecretCommand({ SecretId: `${prefix}/gone`, RecoveryWindowInDays: 7 }));
    const source = fromSecretsManager({ region: "us-east-1", endpoint: motoEndpoint(), prefix });
    await expect(source.get("missing")).resolves.toBeUndefined();
    await expect(source.get("gone")).resolves.toBeUndefined();
  });
});
