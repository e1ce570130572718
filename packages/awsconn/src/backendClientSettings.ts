import { createConnection } from "@awsconn/core";
import type { AwsClientConfig } from "@awsconn/credentials";

// The connection id Airflow's AWS backends give the connection their own client is built from
// (`f"{type(self).__name__}__connection"`); it names the role session (`Airflow_<id>`) and errors.
const BACKEND_CONN_ID = {
  secretsmanager: "SecretsManagerBackend__connection",
  ssm: "SystemsManagerParameterStoreBackend__connection",
} as const;

/**
 * The SDK client settings of an AWS source configured with `clientExtra`: the extra is read as the
 * extra of an Airflow `aws` connection by `@awsconn/credentials` (keys, `role_arn` with
 * `assume_role_kwargs`, `profile_name`, web identity, `region_name`, `endpoint_url`, `verify`,
 * `config_kwargs`), as Airflow's backends build their client through `AwsConnectionWrapper`. Like
 * Airflow's backends, only the connection-wide `endpoint_url` applies, not `service_config`. The
 * credentials package is loaded only now.
 *
 * @example
 * ```ts
 * const settings = await backendClientSettings("secretsmanager", { role_arn: "arn:aws:iam::1:role/r", assume_role_kwargs: { ExternalId: "x" } });
 * ```
 */
export async function backendClientSettings(
  type: keyof typeof BACKEND_CONN_ID,
  extra: Record<string, unknown>,
): Promise<AwsClientConfig> {
  const { resolveAwsConfig } = await import("@awsconn/credentials/resolve");
  const connection = createConnection({ connId: BACKEND_CONN_ID[type], connType: "aws", extra });
  return resolveAwsConfig(connection);
}
