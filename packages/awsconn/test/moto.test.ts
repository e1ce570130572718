import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { SourceError } from "@awsconn/core";
import { fromEnv } from "@awsconn/source-env";
import { awsJsonError, type LoopbackProxy, startLoopbackProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createResolver } from "../src/index.js";
import { eventLog, fakeClock } from "./helpers.js";

// Integration: the facade over the real AWS sources, talking to a moto server through a counting proxy.
let proxy: LoopbackProxy;
let failing = false;
const prefix = uniquePrefix("facade");
const ssmPrefix = `/${uniquePrefix("facade-ssm")}`;

beforeAll(async () => {
  proxy = await startLoopbackProxy({
    target: motoEndpoint(),
    respond: () => (failing ? awsJsonError(400, "AccessDeniedException", "not authorized") : undefined),
  });
  const sm = new SecretsManagerClient(awsTestClientConfig());
  const put = (id: string, value: string) =>
    sm.send(new CreateSecretCommand({ Name: `${prefix}/${id}`, SecretString: value }));
  await put("warehouse", "postgres://etl:pw-from-sm@warehouse.internal:5432/dwh");
  await put("api", JSON.stringify({ conn_type: "http", host: "api.internal", user: "svc", pass: "pw-api" }));
  await put(
    "aws_moto",
    JSON.stringify({
      conn_type: "aws",
      login: "AKIAFACADETEST",
      password: "facade-secret",
      extra: { region_name: "us-east-1", endpoint_url: motoEndpoint() },
    }),
  );
  for (let i = 0; i < 25; i++) await put(`bulk_${i}`, `http://host-${i}.internal`);
  const ssm = new SSMClient(awsTestClientConfig());
  await ssm.send(
    new PutParameterCommand({
      Name: `${ssmPrefix}/only_in_ssm`,
      Value: "mysql://ssm.internal",
      Type: "SecureString",
    }),
  );
}, 60_000);

afterAll(async () => {
  await proxy?.close();
});

beforeEach(() => {
  failing = false;
  proxy.reset();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_PROFILE", undefined);
});

function smConfig() {
  return { type: "secretsmanager" as const, prefix, region: "us-east-1", endpoint: proxy.endpoint };
}

describe("facade over Secrets Manager and SSM (moto)", () => {
  it("production: a config file naming Secrets Manager; remote hits are cached", async () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-moto-"));
    writeFileSync(
      join(dir, "awsconn.config.yaml"),
      `sources:\n  - type: secretsmanager\n    prefix: ${prefix}\n    region: us-east-1\n    endpoint: ${proxy.endpoint}\n`,
    );
    const resolver = createResolver(join(dir, "awsconn.config.yaml"));

    const warehouse = await resolver.get("warehouse");
    const api = await resolver.get("api");
    await resolver.get("warehouse");
    await resolver.get("api");

    expect(warehouse).toMatchObject({
      connType: "postgres",
      host: "warehouse.internal",
      login: "etl",
      port: 5432,
    });
    expect(warehouse.password).toBe("pw-from-sm");
    expect(api).toMatchObject({ connType: "http", host: "api.internal", login: "svc", password: "pw-api" });
    expect(proxy.count("GetSecretValue")).toBe(2);
    const explanation = await resolver.explain("warehouse");
    expect(explanation.steps[0]).toMatchObject({ source: "secretsmanager", outcome: "hit", cache: "fresh" });
    expect(explanation.winner?.origin.startsWith(`secretsmanager:${prefix}/warehouse`)).toBe(true);
  });

  it("an env override on top of Secrets Manager wins for its id only", async () => {
    const env = fromEnv({ env: { AIRFLOW_CONN_WAREHOUSE: "postgres://dev:devpw@localhost:5433/dwh" } });
    const resolver = createResolver({ sources: [env, smConfig()] });

    expect((await resolver.get("warehouse")).host).toBe("localhost");
    expect((await resolver.get("api")).host).toBe("api.internal");
    expect(proxy.count("GetSecretValue")).toBe(1);
  });

  it("preload: 25 ids + 1 in SSM in batches (BatchGetSecretValue, then GetParameters), then no requests", async () => {
    const ids = [...Array.from({ length: 25 }, (_, i) => `bulk_${i}`), "only_in_ssm"];
    const resolver = createResolver({
      sources: [
        smConfig(),
        { type: "ssm", prefix: ssmPrefix, region: "us-east-1", endpoint: proxy.endpoint },
      ],
    });

    const result = await resolver.preload(ids);

    expect(result.notFound).toEqual([]);
    expect(proxy.count("BatchGetSecretValue")).toBe(2);
    expect(proxy.count("GetParameters")).toBe(1);
    expect(proxy.count("GetSecretValue") + proxy.count("GetParameter")).toBe(0);
    proxy.reset();
    const all = await Promise.all(ids.map((id) => resolver.get(id)));
    expect(all[24]?.host).toBe("host-24.internal");
    expect(all[25]?.host).toBe("ssm.internal");
    expect(proxy.count()).toBe(0);
  });

  it("access denied after a value was cached: stale value + warning, then SourceError past maxStaleSeconds", async () => {
    const clock = fakeClock();
    const log = eventLog();
    const resolver = createResolver({
      sources: [smConfig()],
      clock,
      logger: log.logger,
      cache: { ttlSeconds: 60, maxStaleSeconds: 300, staleWhileRevalidate: false },
    });
    await resolver.get("warehouse");
    failing = true;

    clock.advance(61);
    expect((await resolver.get("warehouse")).host).toBe("warehouse.internal");
    expect(log.events).toContainEqual(expect.objectContaining({ type: "stale", connId: "warehouse" }));
    const explained = await resolver.explain("warehouse");
    expect(explained.steps[0]).toMatchObject({ outcome: "stale", cache: "stale", ageSeconds: 61 });

    clock.advance(300);
    const error = await resolver.get("warehouse").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).awsErrorName).toBe("AccessDeniedException");
    expect(JSON.stringify(log.events)).not.toContain("pw-from-sm");
  });

  it("getAwsClientConfig: an aws connection from Secrets Manager drives a real STS call", async () => {
    const resolver = createResolver({ sources: [smConfig()] });

    const config = await resolver.getAwsClientConfig("aws_moto", "sts");
    const identity = await new STSClient(config).send(new GetCallerIdentityCommand({}));

    expect(config.method).toBe("static");
    expect(identity.Account).toMatch(/^\d{12}$/);
    expect(await resolver.getAwsClientConfig("aws_moto", "sts")).toBe(config);
  });
});
