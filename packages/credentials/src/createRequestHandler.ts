import { readFile } from "node:fs/promises";
import { createBoundedHttpHandler } from "@awsconn/aws-source-common";
import { ConfigError, redactForeignError } from "@awsconn/core";
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
   * bounds the whole attempt, body included. Default `false`: the SDK's meaning (until the headers),
   * for clients whose answers may be streamed (S3 downloads).
   */
  wholeAnswer?: boolean;
}

/**
 * A connection's `verify` and `config_kwargs` timeouts and pool ({@link HttpOptions}) on the one
 * request handler of `@awsconn/aws-source-common` (`createBoundedHttpHandler`): the CA bundle file
 * is read here, the rest is passed on. A configured request timeout is an error when it runs out
 * (`throwOnRequestTimeout`), as botocore's `read_timeout` raises, not a logged warning.
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
        cause: redactForeignError(error),
      });
    }
  }
  return createBoundedHttpHandler({
    wholeAnswer: shape.wholeAnswer === true,
    maxSockets: options.maxSockets ?? 50,
    ...(options.connectionTimeoutMs !== undefined ? { connectTimeoutMs: options.connectionTimeoutMs } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.rejectUnauthorized === false ? { rejectUnauthorized: false as const } : {}),
    ...(ca ? { ca } : {}),
  });
}
