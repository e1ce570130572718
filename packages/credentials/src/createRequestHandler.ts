import { readFile } from "node:fs/promises";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { ConfigError } from "@awsconn/core";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { HttpOptions } from "./httpAndRetryOptions.js";

/**
 * Builds a `NodeHttpHandler` (loaded on first use) from {@link HttpOptions}: timeouts, socket pool,
 * and TLS verification (`rejectUnauthorized: false`, or only the roots of a CA bundle file).
 *
 * Throws `ConfigError` (path `extra.verify`) when the CA bundle cannot be read.
 *
 * @example
 * ```ts
 * const requestHandler = await createRequestHandler({ connectionTimeoutMs: 1000, rejectUnauthorized: false });
 * new S3Client({ requestHandler });
 * ```
 */
export async function createRequestHandler(options: HttpOptions): Promise<NodeHttpHandler> {
  let ca: Buffer | undefined;
  if (options.caBundlePath !== undefined) {
    try {
      ca = await readFile(options.caBundlePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new ConfigError(`cannot read the CA bundle "${options.caBundlePath}" (${code})`, {
        path: "extra.verify",
        cause: error,
      });
    }
  }
  const { NodeHttpHandler } = await import("@smithy/node-http-handler");
  const maxSockets = options.maxSockets ?? 50;
  return new NodeHttpHandler({
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets }),
    httpsAgent: new HttpsAgent({
      keepAlive: true,
      maxSockets,
      ...(options.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
      ...(ca ? { ca } : {}),
    }),
    ...(options.connectionTimeoutMs !== undefined ? { connectionTimeout: options.connectionTimeoutMs } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}),
  });
}
