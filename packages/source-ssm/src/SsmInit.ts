import type { SSMClient } from "@aws-sdk/client-ssm";

/**
 * Options of {@link fromSsm}. Names follow Airflow's `SystemsManagerParameterStoreBackend`
 * kwargs (`connections_prefix` -> `prefix`, `connections_lookup_pattern` -> `lookupPattern`).
 *
 * @example
 * ```ts
 * const init: SsmInit = { prefix: "/airflow/connections", region: "eu-west-1" };
 * ```
 */
export interface SsmInit {
  /**
   * Parameter-name prefix: the name is `prefix + "/" + connId`, with a leading `/` ensured.
   * Trailing `/` are trimmed. `""` or `null` means `/<connId>`. Default `"/airflow/connections"`.
   */
  prefix?: string | null;
  /**
   * Only ids matching this regular expression (case-insensitive, anchored at the start like
   * Python's `re.match`) are looked up; any other id is "not here" without a request.
   */
  lookupPattern?: string;
  /** AWS region. Default: the SDK's (env `AWS_REGION`, the profile's region). */
  region?: string;
  /** Endpoint URL (moto, LocalStack, a VPC endpoint). */
  endpoint?: string;
  /** Shared-config profile for the credentials. */
  profile?: string;
  /** A role to assume (STS `AssumeRole`) with the credentials found otherwise. */
  roleArn?: string;
  /** A ready client; then `region`, `endpoint`, `profile`, `roleArn` and the timeouts are not used. */
  client?: SSMClient;
  /** TCP connect timeout of each attempt, ms. Default 1000. */
  connectTimeoutMs?: number;
  /** Timeout of each request attempt, ms. Default 3000. */
  requestTimeoutMs?: number;
  /** Attempts per call with the SDK's standard retry (jittered backoff). Default 3. */
  maxAttempts?: number;
}
