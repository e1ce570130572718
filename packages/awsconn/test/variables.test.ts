import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { ConfigError, ConnectionFormatError, SourceError, VariableNotFoundError } from "@awsconn/core";
import { useLoopbackProxies } from "@awsconn/testkit/faults";
import { awsTestClientConfig, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { describe, expect, it } from "vitest";
import { createResolver } from "../src/index.js";
import { eventLog, fakeClock, memoryVariables } from "./helpers.js";

stubAwsTestEnv({ AWS_SESSION_TOKEN: "", AWS_PROFILE: "" });
const proxies = useLoopbackProxies();
const dir = mkdtempSync(join(tmpdir(), "awsconn-variables-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("resolver.getVariable", () => {
  it("env (AIRFLOW_VAR_), then a file entry's variablesPath, in priority order", async () => {
    process.env.AIRFLOW_VAR_REGION = "from-env";
    const path = file("v.yaml", "region: from-file\nbucket: b1\n");
    const resolver = createResolver({
      sources: [{ type: "env" }, { type: "file", path: file("c.yaml", "{}\n"), variablesPath: path }],
    });
    expect(await resolver.getVariable("region")).toEqual({
      value: "from-env",
      source: "env",
      origin: "env:AIRFLOW_VAR_REGION",
    });
    expect(await resolver.getVariable("bucket")).toEqual({
      value: "b1",
      source: "file",
      origin: `file:${path}:2`,
    });
    delete process.env.AIRFLOW_VAR_REGION;
  });

  it("found nowhere: VariableNotFoundError naming the sources that serve Variables", async () => {
    const resolver = createResolver({
      sources: [
        { type: "env", variablesPrefix: "NOPE_VAR_" },
        { type: "file", path: file("c2.json", "{}") },
      ],
    });
    const error = await resolver.getVariable("absent").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VariableNotFoundError);
    expect((error as VariableNotFoundError).code).toBe("VARIABLE_NOT_FOUND");
    expect((error as VariableNotFoundError).sources).toEqual(["env"]); // the file entry has no variablesPath
  });

  it("fails closed on a failing source; onError skip passes to the next, with an error event", async () => {
    const failing = memoryVariables("vault", {}, new SourceError("denied", { source: "vault" }));
    const low = memoryVariables("low", { region: "low" });
    const closed = createResolver({ sources: [failing.source, low.source] });
    await expect(closed.getVariable("region")).rejects.toBeInstanceOf(SourceError);
    expect(low.state.calls).toBe(0);

    const log = eventLog();
    const skipping = createResolver({
      sources: [{ source: failing.source, onError: "skip" }, low.source],
      logger: log.logger,
    });
    expect((await skipping.getVariable("region")).value).toBe("low");
    expect(log.events).toContainEqual(
      expect.objectContaining({ type: "variable-error", key: "region", source: "vault", skipped: true }),
    );
  });

  it("a variablesLookupPattern Python rejects is a ConfigError at the first lookup, even with onError skip", async () => {
    const resolver = createResolver({
      sources: [
        { type: "ssm", region: "us-east-1", variablesLookupPattern: "\\p{L}", onError: "skip" },
        { type: "env" },
      ],
    });
    await expect(resolver.getVariable("x")).rejects.toBeInstanceOf(ConfigError);
  });

  it("a malformed variables file fails the lookup with its line (not skipped silently)", async () => {
    const path = file("dup.env", "A=1\nA=2\n");
    const resolver = createResolver({
      sources: [{ type: "file", path: file("c3.json", "{}"), variablesPath: path }],
    });
    const error = await resolver.getVariable("A").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as ConnectionFormatError).line).toBe(2);
  });

  it("SSM (moto): /airflow/variables by default, cached for ttlSeconds; variablesPrefix null asks nothing", async () => {
    const admin = new SSMClient(awsTestClientConfig());
    const key = uniquePrefix("facade-var").replace(/\//g, "_");
    await admin.send(
      new PutParameterCommand({ Name: `/airflow/variables/${key}`, Value: "v1", Type: "SecureString" }),
    );
    const proxy = await proxies.counting();
    const clock = fakeClock();
    const ssm = { type: "ssm" as const, region: "us-east-1", endpoint: proxy.endpoint };
    // without staleWhileRevalidate the read past ttlSeconds waits for its own call (cachedVariables.test covers the refresh-ahead)
    const cache = { ttlSeconds: 60, staleWhileRevalidate: false };
    const resolver = createResolver({ sources: [ssm], clock, cache });
    expect(await resolver.getVariable(key)).toEqual({
      value: "v1",
      source: "ssm",
      origin: `ssm:/airflow/variables/${key}#1`,
      version: "1",
    });
    await resolver.getVariable(key);
    expect(proxy.count("GetParameter")).toBe(1);
    clock.advance(61);
    await resolver.getVariable(key);
    expect(proxy.count("GetParameter")).toBe(2);

    const off = createResolver({ sources: [{ ...ssm, variablesPrefix: null }] });
    await expect(off.getVariable(key)).rejects.toBeInstanceOf(VariableNotFoundError);
    expect(proxy.count("GetParameter")).toBe(2);
  });

  it("Secrets Manager (moto) with variablesPrefix and variablesLookupPattern", async () => {
    const { CreateSecretCommand, SecretsManagerClient } = await import("@aws-sdk/client-secrets-manager");
    const prefix = uniquePrefix("facade-sm-vars");
    await new SecretsManagerClient(awsTestClientConfig()).send(
      new CreateSecretCommand({ Name: `${prefix}/app_region`, SecretString: "eu-west-1" }),
    );
    const proxy = await proxies.counting();
    const resolver = createResolver({
      sources: [
        {
          type: "secretsmanager",
          region: "us-east-1",
          endpoint: proxy.endpoint,
          variablesPrefix: prefix,
          variablesLookupPattern: "app_",
        },
      ],
    });
    expect((await resolver.getVariable("app_region")).value).toBe("eu-west-1");
    await expect(resolver.getVariable("other")).rejects.toBeInstanceOf(VariableNotFoundError);
    expect(proxy.count("GetSecretValue")).toBe(1);
  });
});

describe("resolver.listVariables against moto", () => {
  it("SSM and Secrets Manager list the keys under their variables prefix, with their patterns; no value read", async () => {
    const { CreateSecretCommand, SecretsManagerClient } = await import("@aws-sdk/client-secrets-manager");
    const smPrefix = uniquePrefix("facade-list-sm");
    const sm = new SecretsManagerClient(awsTestClientConfig());
    for (const key of ["app_region", "other"])
      await sm.send(new CreateSecretCommand({ Name: `${smPrefix}/${key}`, SecretString: "v" }));
    const ssmPrefix = `/${uniquePrefix("facade-list-ssm")}`;
    const admin = new SSMClient(awsTestClientConfig());
    for (const key of ["bucket", "nested/key"])
      await admin.send(
        new PutParameterCommand({ Name: `${ssmPrefix}/${key}`, Value: "v", Type: "SecureString" }),
      );
    const proxy = await proxies.counting();
    const aws = { region: "us-east-1", endpoint: proxy.endpoint };
    const resolver = createResolver({
      sources: [
        { type: "secretsmanager", ...aws, variablesPrefix: smPrefix, variablesLookupPattern: "app_" },
        { type: "ssm", ...aws, variablesPrefix: ssmPrefix },
      ],
    });
    expect(await resolver.listVariables()).toEqual([
      { source: "secretsmanager", keys: ["app_region"] },
      { source: "ssm", keys: ["bucket", "nested/key"] },
    ]);
    expect(proxy.count("ListSecrets")).toBe(1);
    expect(proxy.count("GetParametersByPath")).toBe(1);
    expect(proxy.count("GetSecretValue") + proxy.count("GetParameter")).toBe(0);
  });

  it("a source that fails to list (AccessDenied on ListSecrets) rejects the listing with its SourceError", async () => {
    const proxy = await proxies.failing(400, "AccessDeniedException", "not allowed");
    const resolver = createResolver({
      sources: [{ type: "env" }, { type: "secretsmanager", region: "us-east-1", endpoint: proxy.endpoint }],
    });
    const error = await resolver.listVariables().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).source).toBe("secretsmanager");
    expect((error as Error).message).toMatch(/ListSecrets .*AccessDenied/);
  });

  it("invalidateVariable(key): the next getVariable asks SSM again; other keys stay cached", async () => {
    const prefix = `/${uniquePrefix("facade-invalidate")}`;
    const admin = new SSMClient(awsTestClientConfig());
    for (const key of ["a", "b"])
      await admin.send(new PutParameterCommand({ Name: `${prefix}/${key}`, Value: key, Type: "String" }));
    const proxy = await proxies.counting();
    const resolver = createResolver({
      sources: [{ type: "ssm", region: "us-east-1", endpoint: proxy.endpoint, variablesPrefix: prefix }],
      clock: fakeClock(),
    });
    await resolver.getVariables(["a", "b"]);
    expect(proxy.count("GetParameter")).toBe(2);
    await admin.send(
      new PutParameterCommand({ Name: `${prefix}/a`, Value: "a2", Type: "String", Overwrite: true }),
    );
    expect((await resolver.getVariable("a")).value).toBe("a"); // cached
    resolver.invalidateVariable("a");
    expect(await resolver.getVariable("a")).toMatchObject({ value: "a2", version: "2" });
    await resolver.getVariable("b");
    expect(proxy.count("GetParameter")).toBe(3);
  });
});
