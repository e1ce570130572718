// Issue 19 item 3: the kwargs Airflow applies to a secrets backend's own AWS client (keys, role_arn with
// assume_role_kwargs, endpoint_url, region_name) are applied by awsconn the same way, through
// @awsconn/credentials: seen on the wire, in front of moto.
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type RevokingProxy, sigV4AccessKeyId, startRevokingProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AIRFLOW_BACKENDS, createResolver } from "../src/index.js";

let proxy: RevokingProxy;
let sm: SecretsManagerClient;

beforeAll(async () => {
  proxy = await startRevokingProxy({ target: motoEndpoint() });
  sm = new SecretsManagerClient(awsTestClientConfig());
}, 60_000);

afterAll(async () => {
  await proxy?.close();
});

beforeEach(() => {
  // What the process itself would use without the kwargs: never what the backend client signs with.
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAPROCESSENVKEY");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "process-env-secret");
  vi.stubEnv("AWS_PROFILE", undefined);
  vi.stubEnv("AWS_REGION", undefined);
  vi.stubEnv("AWS_DEFAULT_REGION", undefined);
});

async function secret(prefix: string) {
  await sm.send(
    new CreateSecretCommand({ Name: `${prefix}/aws_default`, SecretString: "aws://AKIAINSIDE:s3cr3t@" }),
  );
}

const since = (n: number) => proxy.requests.slice(n);

/**
 * A resolver configured the way Airflow's settings name a Secrets Manager backend (`place` is
 * `SECRETS` or `WORKERS`) under `prefix`, reached at the proxy in us-east-1, plus `kwargs`.
 */
function airflowResolver(place: "SECRETS" | "WORKERS", prefix: string, more: Record<string, unknown>) {
  const setting = place === "SECRETS" ? "AIRFLOW__SECRETS__BACKEND" : "AIRFLOW__WORKERS__SECRETS_BACKEND";
  const kwargs = {
    connections_prefix: prefix,
    region_name: "us-east-1",
    endpoint_url: proxy.endpoint,
    ...more,
  };
  return createResolver(undefined, {
    cwd: "/",
    env: { [setting]: AIRFLOW_BACKENDS.secretsmanager, [`${setting}_KWARGS`]: JSON.stringify(kwargs) },
  });
}

describe("Airflow backend kwargs reach the backend's own AWS client", () => {
  it("signs with the kwargs' keys, at the kwargs' endpoint and region", async () => {
    const prefix = uniquePrefix("kwargs-keys");
    await secret(prefix);
    const before = proxy.requests.length;
    const resolver = airflowResolver("SECRETS", prefix, {
      aws_access_key_id: "AKIABACKENDKWARG",
      aws_secret_access_key: "planted-backend-secret",
    });
    expect(resolver.config.origin).toBe("AIRFLOW__SECRETS__BACKEND");
    // The kwargs' secret key never shows in what the resolver says of its configuration.
    expect(JSON.stringify(resolver.config)).not.toContain("planted-backend-secret");
    expect(JSON.stringify(await resolver.explain("aws_default"))).not.toContain("planted-backend-secret");
    expect((await resolver.get("aws_default")).login).toBe("AKIAINSIDE");
    const signed = since(before).map((r) => sigV4AccessKeyId(r.headers));
    expect(signed).toEqual(["AKIABACKENDKWARG"]);
    expect(since(before)[0]?.headers.authorization).toMatch(/\/us-east-1\/secretsmanager\//);
  });

  it("assumes role_arn with assume_role_kwargs and Airflow's session name (slug of Airflow_<backend>__connection), then signs with the role's keys", async () => {
    const prefix = uniquePrefix("kwargs-role");
    await secret(prefix);
    const before = proxy.requests.length;
    const resolver = airflowResolver("WORKERS", prefix, {
      role_arn: "arn:aws:iam::123456789012:role/backend-reader",
      assume_role_kwargs: { ExternalId: "ext-42" },
      service_config: { sts: { endpoint_url: proxy.endpoint } },
    });
    expect(resolver.config.origin).toBe("AIRFLOW__WORKERS__SECRETS_BACKEND");
    expect((await resolver.get("aws_default")).login).toBe("AKIAINSIDE");
    const calls = since(before);
    const assume = calls.find((r) => r.operation === "AssumeRole");
    expect(assume).toBeDefined();
    const params = new URLSearchParams(assume?.body);
    expect(params.get("RoleArn")).toBe("arn:aws:iam::123456789012:role/backend-reader");
    expect(params.get("ExternalId")).toBe("ext-42");
    expect(params.get("RoleSessionName")).toBe("airflow_secretsmanagerbackend__connection"); // slugify lowercases
    // The assume-role call is signed with the process's own keys, the secret read with the role's.
    expect(sigV4AccessKeyId(assume?.headers ?? {})).toBe("AKIAPROCESSENVKEY");
    const read = calls.find((r) => r.operation === "GetSecretValue");
    expect(sigV4AccessKeyId(read?.headers ?? {})).not.toBe("AKIAPROCESSENVKEY");
  });

  it("an entry's own region and endpoint win over its clientExtra", async () => {
    const prefix = uniquePrefix("kwargs-own");
    await secret(prefix);
    const before = proxy.requests.length;
    const resolver = createResolver({
      sources: [
        {
          type: "secretsmanager",
          prefix,
          region: "us-east-1",
          endpoint: proxy.endpoint,
          clientExtra: {
            region_name: "eu-west-3",
            endpoint_url: "http://127.0.0.1:9",
            aws_access_key_id: "AKIAFROMEXTRA",
            aws_secret_access_key: "x",
          },
        },
      ],
    });
    expect((await resolver.get("aws_default")).login).toBe("AKIAINSIDE");
    const [read] = since(before);
    expect(sigV4AccessKeyId(read?.headers ?? {})).toBe("AKIAFROMEXTRA");
    expect(read?.headers.authorization).toMatch(/\/us-east-1\/secretsmanager\//);
  });
});
