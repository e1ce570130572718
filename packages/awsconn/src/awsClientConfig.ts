import type { Connection } from "@awsconn/core";

/**
 * What {@link Resolver.getAwsClientConfig} returns: spread it into any AWS SDK v3 client
 * constructor. Produced by `resolveAwsConfig` of `@awsconn/credentials`.
 *
 * @example
 * ```ts
 * const s3 = new S3Client(await resolver.getAwsClientConfig("aws_default", "s3"));
 * ```
 */
export interface AwsClientConfig {
  credentials: () => Promise<{
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
    expiration?: Date;
  }>;
  region?: string;
  endpoint?: string;
  /** `static`, `assume-role`, `web-identity`, `profile` or `default-chain`. */
  method: string;
  warnings: string[];
  [key: string]: unknown;
}

type ResolveAwsConfig = (
  connection: Connection,
  options?: { service?: string },
) => AwsClientConfig | Promise<AwsClientConfig>;

/**
 * Loads `@awsconn/credentials` on first use (so resolvers that never ask for AWS config never
 * load the AWS SDK) and returns its `resolveAwsConfig`.
 *
 * @example
 * ```ts
 * const resolveAwsConfig = await loadResolveAwsConfig();
 * ```
 */
export async function loadResolveAwsConfig(): Promise<ResolveAwsConfig> {
  const mod = (await import("@awsconn/credentials")) as unknown as { resolveAwsConfig?: ResolveAwsConfig };
  if (typeof mod.resolveAwsConfig !== "function")
    throw new Error("@awsconn/credentials does not export resolveAwsConfig()");
  return mod.resolveAwsConfig;
}

/** A stable key of a connection's content (secrets included; kept in memory only, never shown). */
export function connectionFingerprint(c: Connection): string {
  return JSON.stringify([c.connType, c.host, c.login, c.password, c.schema, c.port, c.extra]);
}
