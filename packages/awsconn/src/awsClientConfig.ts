import type {
  AuthErrorRetryExtension,
  authErrorRetryExtension,
  AwsClientConfig as CredentialsClientConfig,
  resolveAwsConfig,
} from "@awsconn/credentials";
import type { Connection } from "@awsconn/core";

/**
 * AWS SDK v3 client configuration for an `aws` connection, as `getAwsClientConfig` returns it:
 * `@awsconn/credentials`' configuration whose `credentials` follow the connection through rotations
 * (see `rotatingCredentials`), plus the client extension that renews them once on an auth error.
 * Spread it into any client constructor; a caller who adds extensions of its own keeps these:
 * `new S3Client({ ...config, extensions: [...config.extensions, mine] })`.
 *
 * @example
 * ```ts
 * const s3 = new S3Client(await resolver.getAwsClientConfig("aws_default", "s3"));
 * ```
 */
export interface AwsClientConfig extends CredentialsClientConfig {
  /** SDK client extensions: the auth-error renewal (`authErrorRetryExtension`). */
  extensions: AuthErrorRetryExtension[];
}

/** What the resolver uses from `@awsconn/credentials` (loaded on first use). */
export interface CredentialsModule {
  resolveAwsConfig: typeof resolveAwsConfig;
  authErrorRetryExtension: typeof authErrorRetryExtension;
}

/**
 * Loads `@awsconn/credentials` on first use (so resolvers that never ask for AWS config never
 * load the AWS SDK) and returns what the resolver needs of it.
 *
 * @example
 * ```ts
 * const { resolveAwsConfig } = await loadCredentialsModule();
 * const config = await resolveAwsConfig(connection, { service: "s3" });
 * ```
 */
export async function loadCredentialsModule(): Promise<CredentialsModule> {
  const { resolveAwsConfig, authErrorRetryExtension } = await import("@awsconn/credentials/resolve");
  return { resolveAwsConfig, authErrorRetryExtension };
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
