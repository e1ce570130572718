import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { newBearerToken } from "./bearerToken.js";
import { type CredentialsHandlerInit, createCredentialsHandler } from "./createCredentialsHandler.js";

/** The only address the credentials server listens on. */
export const LOOPBACK = "127.0.0.1";
/** Default bound on open connections (idle keep-alive ones included); beyond it new ones are closed at once. */
export const DEFAULT_MAX_CONNECTIONS = 256;
/** Default time requests in progress get to finish on `close()` before every connection is cut, ms. */
export const DEFAULT_GRACE_MS = 5000;

/** Options of {@link startCredentialsServer}. */
export interface CredentialsServerInit extends Omit<CredentialsHandlerInit, "token"> {
  /** TCP port on 127.0.0.1; `0` (default) picks a free one. */
  port?: number;
  /** The token; default a new random one ({@link newBearerToken}). */
  token?: string;
  /** On close, requests in progress get this long to finish before their connections are cut. Default {@link DEFAULT_GRACE_MS}. */
  graceMs?: number;
  /** Open connections at most; a connection beyond it is closed at once. Default {@link DEFAULT_MAX_CONNECTIONS}. */
  maxConnections?: number;
}

/** A running credentials server. */
export interface CredentialsServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** The token clients must send (`AWS_CONTAINER_AUTHORIZATION_TOKEN`). */
  readonly token: string;
  /** The `AWS_CONTAINER_CREDENTIALS_FULL_URI` for one connection. */
  credentialsUri(connId: string): string;
  /** Stops accepting, lets requests in progress finish (up to `graceMs`), then cuts what is left. */
  close(): Promise<void>;
}

/**
 * Starts the loopback credentials server of `awsconn serve` and `awsconn exec --serve`
 * (see {@link createCredentialsHandler} for what it answers). It binds 127.0.0.1 only, and bounds
 * what a client can hold: `maxConnections` open connections; an idle keep-alive connection is closed
 * after 5 s, one that has not sent its headers after 10 s, a request not received in full after 30 s
 * (checked every second).
 *
 * @example
 * ```ts
 * const server = await startCredentialsServer({ resolver, connIds: ["aws_default"] });
 * spawn("python", ["job.py"], { env: { ...env, AWS_CONTAINER_CREDENTIALS_FULL_URI: server.credentialsUri("aws_default"), AWS_CONTAINER_AUTHORIZATION_TOKEN: server.token } });
 * ```
 */
export async function startCredentialsServer(init: CredentialsServerInit): Promise<CredentialsServer> {
  const token = init.token ?? newBearerToken();
  const server = createServer(
    {
      connectionsCheckingInterval: 1000,
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5000,
    },
    createCredentialsHandler({ ...init, token }),
  );
  server.maxConnections = init.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(init.port ?? 0, LOOPBACK, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${LOOPBACK}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    token,
    credentialsUri: (connId) => `${url}/credentials/${encodeURIComponent(connId)}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), init.graceMs ?? DEFAULT_GRACE_MS);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
