import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { AwsClientInit } from "@awsconn/aws-source-common";

/**
 * Options of {@link fromSecretsManager}. Names follow Airflow's `SecretsManagerBackend` kwargs
 * (`connections_prefix` -> `prefix`, `connections_lookup_pattern` -> `lookupPattern`, ...); the
 * client options (`region`, `endpoint`, `profile`, `roleArn`, timeouts, `maxAttempts`) are
 * {@link AwsClientInit}'s.
 *
 * @example
 * ```ts
 * const init: SecretsManagerInit = { prefix: "airflow/connections", region: "eu-west-1", lookupPattern: "^aws_" };
 * ```
 */
export interface SecretsManagerInit extends AwsClientInit {
  /**
   * Secret-name prefix: the secret id is `prefix + sep + connId`. Trailing `sep` characters are
   * trimmed (as Airflow's `rstrip(sep)`). `""` means the bare connection id; `null` switches
   * connections off (Airflow's `connections_prefix=None`: every id is "not here", without a
   * request). Default `"airflow/connections"`.
   */
  prefix?: string | null;
  /** Separator between prefix and id. Default `"/"`. */
  sep?: string;
  /**
   * Only ids matching this regular expression (case-insensitive, anchored at the start like
   * Python's `re.match`) are looked up; any other id is "not here" without a request.
   */
  lookupPattern?: string;
  /**
   * More JSON key aliases per connection field, added to Airflow's table
   * (`{ login: ["usr"], password: ["pwd"] }`; `user` is accepted for `login`).
   */
  extraConnWords?: Readonly<Record<string, readonly string[]>>;
  /** A ready client; then `region`, `endpoint`, `profile`, `roleArn` and the timeouts are not used. */
  client?: SecretsManagerClient;
}
