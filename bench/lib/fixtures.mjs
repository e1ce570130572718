// Shared constants, seed data and SDK clients for the benchmark. Every connection is stored the
// way Airflow stores it (JSON under airflow/connections/<id> and /airflow/connections/<id>).
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";

export const REGION = "us-east-1";
export const CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };
export const SM_PREFIX = "airflow/connections/";
export const SSM_PREFIX = "/airflow/connections/";
export const ROLE_ARN = "arn:aws:iam::123456789012:role/awsconn-bench";

/** The process environment every side runs in: moto's fake keys, no profile, no IMDS. */
export function benchEnv() {
  for (const k of Object.keys(process.env)) {
    if (k.startsWith("AIRFLOW_CONN_") || k === "AWS_PROFILE" || k === "AWS_DEFAULT_PROFILE")
      delete process.env[k];
  }
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });
  delete process.env.AWS_SESSION_TOKEN;
}

/** A realistic Airflow connection in Airflow's JSON form (about 200 bytes). */
export function connectionJson(i) {
  const n = String(i).padStart(5, "0");
  return JSON.stringify({
    conn_type: "postgres",
    host: `db-${n}.cluster-abc.eu-west-1.rds.amazonaws.com`,
    login: `svc_${n}`,
    password: `pw-${n}-${(i * 2654435761).toString(36)}`,
    schema: "warehouse",
    port: 5432,
    extra: { sslmode: "require", application_name: `bench-${n}` },
  });
}

export function smClient(endpoint) {
  return new SecretsManagerClient({ endpoint, region: REGION, credentials: CREDENTIALS });
}

export function ssmClient(endpoint) {
  return new SSMClient({ endpoint, region: REGION, credentials: CREDENTIALS });
}

/** Runs `fn` over `items` with at most `width` in flight. */
export async function pool(items, width, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

/** Creates the secrets and parameters all scenarios read (ids -> JSON value). */
export async function seed(endpoint, { secrets, parameters }) {
  const sm = smClient(endpoint);
  const ssm = ssmClient(endpoint);
  await pool([...secrets], 8, ([id, value]) =>
    sm.send(new CreateSecretCommand({ Name: SM_PREFIX + id, SecretString: value })),
  );
  await pool([...parameters], 8, ([id, value]) =>
    ssm.send(
      new PutParameterCommand({ Name: SSM_PREFIX + id, Value: value, Type: "SecureString", Overwrite: true }),
    ),
  );
  sm.destroy();
  ssm.destroy();
}
