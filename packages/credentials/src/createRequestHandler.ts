import { readFile } from "node:fs/promises";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import {
  createBoundedHttpHandler,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from "@awsconn/aws-source-common";
import { ConfigError } from "@awsconn/core";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { HttpOptions } from "./httpAndRetryOptions.js";

/**
 * Options of {@link createRequestHandler}.
 *
 * @example
 * ```ts
 * const shape: RequestHandlerShape = { wholeAnswer: true };
 * ```
 */
export interface RequestHandlerShape {
  /**
   * `true` for awsconn's own STS calls: the request timeout (default 3000 ms, connect timeout 1000 ms)
   * bounds the whole attempt, body included (`createBoundedHttpHandler`). Default `false`: the SDK's
   * meaning (until the headers), for clients whose answers may be streamed (S3 downloads).
   */
  wholeAnswer?: boolean;
}

/**
 * Builds a `NodeHttpHandler` (loaded on first use) from {@link HttpOptions}: timeouts, socket pool,
 * and TLS verification (`rejectUnauthorized: false`, or only the roots of a CA bundle file). A
 * configured request timeout is an error when it runs out (`throwOnRequestTimeout`), as botocore's
 * `read_timeout` raises, not a logged warning.
 *
 * Throws `ConfigError` (path `extra.verify`) when the CA bundle cannot be read.
 *
 * @example
 * ```ts
 * const requestHandler = await createRequestHandler({ connectionTimeoutMs: 1000, rejectUnauthorized: false });
 * new S3Client({ requestHandler });
 * ```
 */
export async function createRequestHandler(
  options: HttpOptions,
  shape: RequestHandlerShape = {},
): Promise<NodeHttpHandler> {
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
  const maxSockets = options.maxSockets ?? 50;
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    maxSockets,
    ...(options.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
    ...(ca ? { ca } : {}),
  });
  if (shape.wholeAnswer) {
    return createBoundedHttpHandler({
      connectTimeoutMs: options.connectionTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      httpAgent,
      httpsAgent,
    });
  }
  const { NodeHttpHandler } = await import("@smithy/node-http-handler");
  return new NodeHttpHandler({
    httpAgent,
    httpsAgent,
    ...(options.connectionTimeoutMs !== undefined ? { connectionTimeout: options.connectionTimeoutMs } : {}),
    ...(options.requestTimeoutMs !== undefined
      ? { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true }
      : {}),
  });
}
