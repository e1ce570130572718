import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

/**
 * Options of {@link fromSecretsManager}. Names follow Airflow's `SecretsManagerBackend` kwargs
 * (`connections_prefix` -> `prefix`, `connections_lookup_pattern` -> `lookupPattern`, ...).
 *
 * @example
 * ```ts
 * const init: SecretsManagerInit = { prefix: "airflow/connections", region: "eu-west-1", lookupPattern: "^aws_" };
 * ```
 */
export interface SecretsManagerInit {
  /**
   * Secret-name prefix: the secret id is `prefix + sep + connId`. Trailing `sep` characters are
   * trimmed (as Airflow's `rstrip(sep)`). `""` or `null` means the bare connection id.
   * Default `"airflow/connections"`.
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
  /** AWS region. Default: the SDK's (env `AWS_REGION`, the profile's region). */
  region?: string;
  /** Endpoint URL (moto, LocalStack, a VPC endpoint). */
  endpoint?: string;
  /** Shared-config profile for the credentials. */
  profile?: string;
  /** A role to assume (STS `AssumeRole`) with the credentials found otherwise. */
  roleArn?: string;
  /** A ready client; then `region`, `endpoint`, `profile`, `roleArn` and the timeouts are not used. */
  client?: SecretsManagerClient;
  /** TCP connect timeout of each attempt, ms. Default 1000. */
  connectTimeoutMs?: number;
  /** Timeout of each request attempt, ms. Default 3000. */
  requestTimeoutMs?: number;
  /** Attempts per call with the SDK's standard retry (jittered backoff). Default 3. */
  maxAttempts?: number;
}
