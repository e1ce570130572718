import type { Connection } from "@awsconn/core";
import type { AwsClientConfig } from "./awsClientConfig.js";
import { createResolver } from "./createResolver.js";
import type { Resolver } from "./Resolver.js";

let shared: Resolver | undefined;

/**
 * The process-wide resolver behind {@link getConnection} and {@link getAwsClientConfig},
 * created with the discovered configuration on first use.
 *
 * @example
 * ```ts
 * await defaultResolver().preload(["aws_default"]);
 * ```
 */
export function defaultResolver(): Resolver {
  shared ??= createResolver();
  return shared;
}

/**
 * Forgets the process-wide resolver (the next call discovers the configuration again).
 *
 * @example
 * ```ts
 * resetDefaultResolver();
 * ```
 */
export function resetDefaultResolver(): void {
  shared = undefined;
}

/**
 * Resolves a connection with the process-wide resolver.
 *
 * @example
 * ```ts
 * import { getConnection } from "awsconn";
 * const warehouse = await getConnection("warehouse");
 * ```
 */
export async function getConnection(connId: string): Promise<Connection> {
  return defaultResolver().get(connId);
}

/**
 * AWS SDK v3 client configuration for an `aws` connection, with the process-wide resolver.
 *
 * @example
 * ```ts
 * import { getAwsClientConfig } from "awsconn";
 * const s3 = new S3Client(await getAwsClientConfig("aws_default", "s3"));
 * ```
 */
export async function getAwsClientConfig(connId: string, service?: string): Promise<AwsClientConfig> {
  return defaultResolver().getAwsClientConfig(connId, service);
}
