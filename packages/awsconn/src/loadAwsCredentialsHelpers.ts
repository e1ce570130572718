import type { callerIdentity, readAwsConnection, serviceEndpoint } from "@awsconn/credentials";

/**
 * The `@awsconn/credentials` helpers that read an `aws` connection, returned by
 * {@link loadAwsCredentialsHelpers}.
 *
 * @example
 * ```ts
 * const { readAwsConnection, serviceEndpoint }: AwsCredentialsHelpers = await loadAwsCredentialsHelpers();
 * ```
 */
export interface AwsCredentialsHelpers {
  /** Reads an `aws` connection's fields and extras into typed settings. */
  readAwsConnection: typeof readAwsConnection;
  /** The endpoint URL for one AWS service (`service_config.<service>.endpoint_url`, else the connection-wide one). */
  serviceEndpoint: typeof serviceEndpoint;
  /** STS `GetCallerIdentity` with a connection's credentials, bounded by a deadline (`awsconn test`). */
  callerIdentity: typeof callerIdentity;
}

/**
 * Loads `@awsconn/credentials` on first call (importing `awsconn` does not load it) and returns
 * the helpers that read an `aws` connection (`readAwsConnection`, `serviceEndpoint`) and check it
 * against STS (`callerIdentity`).
 *
 * @example
 * ```ts
 * const { readAwsConnection, serviceEndpoint } = await loadAwsCredentialsHelpers();
 * const sts = serviceEndpoint(readAwsConnection(connection), "sts", { forAssumeRole: true });
 * ```
 */
export async function loadAwsCredentialsHelpers(): Promise<AwsCredentialsHelpers> {
  const { readAwsConnection, serviceEndpoint, callerIdentity } = await import("@awsconn/credentials");
  return { readAwsConnection, serviceEndpoint, callerIdentity };
}
