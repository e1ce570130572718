import type { IncomingMessage, ServerResponse } from "node:http";
import { connectionToJson, isAwsconnError, validateConnId } from "@awsconn/core";
import type { Resolver } from "awsconn";
import { tokenMatches } from "./bearerToken.js";
import { concurrencyLimit } from "./concurrencyLimit.js";
import { containerCredentials } from "./containerCredentials.js";
import { servedCredentials } from "./servedCredentials.js";

/** Default bound on requests in progress. */
export const DEFAULT_MAX_CONCURRENT = 128;
/** Default time a request may take before it is answered `504` (and its slot freed), ms. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 20_000;
/**
 * Headers a proxy adds when it relays a request (RFC 7239 `Forwarded`, the `X-Forwarded-*` family,
 * `X-Real-IP`, `Via`): the client is then not a local program. No AWS SDK sends any of them.
 */
export const RELAYED_HEADERS: readonly string[] = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "via",
];

/** Options of {@link createCredentialsHandler}. */
export interface CredentialsHandlerInit {
  /** Where connections and their AWS client configuration come from (cached, shared flights). */
  resolver: Pick<Resolver, "get" | "getAwsClientConfig">;
  /** The token every request must carry in `Authorization` (as is, or as `Bearer <token>`). */
  token: string;
  /** Serve only these connection ids (`--conn`); others get 404. Default: any id the resolver finds. */
  connIds?: readonly string[];
  /** At most this many requests in progress; beyond it `503`. Default {@link DEFAULT_MAX_CONCURRENT}. */
  maxConcurrent?: number;
  /**
   * A request not answered within this many ms gets `504` and gives its slot back (the lookup goes on
   * in the background and fills the cache). Default {@link DEFAULT_ANSWER_TIMEOUT_MS}.
   */
  answerTimeoutMs?: number;
  /** Called once per answered request (method, path without the query, status); never with a secret. */
  onRequest?: (line: { method: string; path: string; status: number }) => void;
}

/**
 * The request handler of the local credentials server (`awsconn serve`, `awsconn exec --serve`):
 *
 * 1. a request carrying a header a proxy adds ({@link RELAYED_HEADERS}: `Forwarded`,
 *    `X-Forwarded-*`, `X-Real-IP`, `Via`; not a local client) -> `403`;
 * 2. a `Host` that is not a loopback name (DNS rebinding) -> `403`;
 * 3. a missing or wrong token -> `401`;
 * 4. not `GET`/`HEAD` -> `405`; more than `maxConcurrent` requests in progress -> `503`. A request
 *    holds its slot until it is answered, its client goes away, or `answerTimeoutMs` passes (`504`);
 * 5. `GET /credentials/<conn_id>`: the connection's AWS credentials in the container-credentials
 *    format (`AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`), from the resolver with its
 *    cache rules on every request. Long-term keys carry their lease as `Expiration` (until the cached
 *    answer stops being fresh, at least 5 s; `cache.ttlSeconds` for env and file), so clients come
 *    back by then and get rotated keys;
 *    `GET /connections/<conn_id>`: the connection as Airflow JSON (`Connection.as_json()`), password
 *    included; `GET /healthz`: `{"status":"ok"}`.
 *
 * Errors answer `{"code","message"}` (404 not found or not served, 400 invalid id, 502 a source or STS
 * failed, 504 no answer in time, 500 otherwise); their messages never contain a secret.
 *
 * @example
 * ```ts
 * const server = createServer(createCredentialsHandler({ resolver: createResolver(), token: newBearerToken() }));
 * server.listen(0, "127.0.0.1");
 * ```
 */
export function createCredentialsHandler(
  init: CredentialsHandlerInit,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = concurrencyLimit(init.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  const serve = servedCredentials();
  const allowed = init.connIds && init.connIds.length > 0 ? new Set(init.connIds) : undefined;

  const answerTimeoutMs = init.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;

  return (req, res) => {
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      // Already answered (504 first, or a late result), or the client is gone: nothing to write.
      if (res.headersSent || res.destroyed) return;
      const text = `${JSON.stringify(body)}\n`;
      res.writeHead(status, {
        "content-type": "application/json",
        "cache-control": "no-store",
        "content-length": Buffer.byteLength(text),
        ...headers,
      });
      res.end(method === "HEAD" ? undefined : text);
      init.onRequest?.({ method, path, status });
    };
    const fail = (status: number, code: string, message: string, headers?: Record<string, string>) =>
      reply(status, { code, message }, headers);

    if (isRelayed(req)) {
      return fail(
        403,
        "FORBIDDEN",
        "requests relayed by a proxy (Forwarded, X-Forwarded-*, X-Real-IP, Via) are refused",
      );
    }
    if (!isLoopbackHost(req.headers.host)) {
      return fail(403, "FORBIDDEN", "only loopback host names are served");
    }
    if (!tokenMatches(req.headers.authorization, init.token)) {
      return fail(401, "UNAUTHORIZED", "missing or wrong token in the Authorization header", {
        "www-authenticate": "Bearer",
      });
    }
    if (method !== "GET" && method !== "HEAD") {
      return fail(405, "METHOD_NOT_ALLOWED", "only GET", { allow: "GET, HEAD" });
    }
    const release = limit.tryAcquire();
    if (!release) {
      return fail(503, "BUSY", `more than ${limit.max} requests in progress; retry`, { "retry-after": "1" });
    }
    // The slot comes back when the answer is written, the client goes away, or the time is up.
    res.once("close", release);
    const timer = setTimeout(() => {
      fail(504, "TIMEOUT", `no answer within ${answerTimeoutMs} ms; the lookup goes on: retry`, {
        "retry-after": "1",
      });
      release();
    }, answerTimeoutMs);
    route(path)
      .then(
        (answer) => reply(200, answer),
        (error: unknown) => failWith(error),
      )
      .finally(() => {
        clearTimeout(timer);
        release();
      });

    async function route(p: string): Promise<unknown> {
      if (p === "/healthz") return { status: "ok" };
      const match = /^\/(credentials|connections)\/(.+)$/.exec(p);
      if (!match?.[1] || !match[2]) throw new RouteError(404, "NO_ROUTE", "no such path");
      const connId = decodeId(match[2]);
      validateConnId(connId);
      if (allowed && !allowed.has(connId)) {
        throw new RouteError(404, "NOT_SERVED", `connection "${connId}" is not served here`);
      }
      if (match[1] === "connections") return connectionToJson(await init.resolver.get(connId));
      const config = await init.resolver.getAwsClientConfig(connId);
      return containerCredentials(await serve(config.credentials));
    }

    function failWith(error: unknown): void {
      const { status, code, message } = errorAnswer(error);
      fail(status, code, message);
    }
  };
}

// ---------------------------------------------------------------------------------------------

class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorAnswer(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof RouteError) return { status: error.status, code: error.code, message: error.message };
  if (isAwsconnError(error)) {
    const status = STATUS_OF[error.code] ?? 500;
    return { status, code: error.code, message: error.message };
  }
  // Foreign errors (e.g. from the SDK's default chain): the name only; the message may quote input.
  const name = error instanceof Error ? error.name : "Error";
  return { status: 502, code: "CREDENTIALS_FAILED", message: `could not resolve credentials (${name})` };
}

const STATUS_OF: Record<string, number> = { NOT_FOUND: 404, INVALID_CONN_ID: 400, SOURCE_FAILED: 502 };

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new RouteError(400, "INVALID_CONN_ID", "the connection id is not valid percent-encoding");
  }
}

function isRelayed(req: IncomingMessage): boolean {
  for (const name of Object.keys(req.headers)) {
    if (RELAYED_HEADERS.includes(name) || name.startsWith("x-forwarded-")) return true;
  }
  return false;
}

function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return true; // HTTP/1.0 clients send none; the socket is loopback anyway
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return name === "127.0.0.1" || name === "localhost" || name === "[::1]";
}
