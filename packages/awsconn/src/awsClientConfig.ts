import type { AwsClientConfig } from "@awsconn/credentials";
import type { Connection } from "@awsconn/core";

export type { AwsClientConfig };

type ResolveAwsConfig = (connection: Connection, options?: { service?: string }) => Promise<AwsClientConfig>;

/**
 * Loads `@awsconn/credentials` on first use (so resolvers that never ask for AWS config never
 * load the AWS SDK) and returns its `resolveAwsConfig`.
 *
 * @example
 * ```ts
 * const resolveAwsConfig = await loadResolveAwsConfig();
 * const config = await resolveAwsConfig(connection, { service: "s3" });
 * ```
 */
export async function loadResolveAwsConfig(): Promise<ResolveAwsConfig> {
  const { resolveAwsConfig } = await import("@awsconn/credentials");
  return resolveAwsConfig;
}

/**
 * A stable key of a connection's content (secrets included; kept in memory only, never shown),
 * so a changed connection gets a new client configuration.
 *
 * @example
 * ```ts
 * connectionFingerprint(a) === connectionFingerprint(b); // same content
 * ```
 */
export function connectionFingerprint(c: Connection): string {
  return JSON.stringify([c.connType, c.host, c.login, c.password, c.schema, c.port, c.extra]);
}
