import { createRequire } from "node:module";
import type { IncomingMessage, Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from "./clientDefaults.js";
import { lazyClient } from "./lazyClient.js";

const requireHere = createRequire(import.meta.url);

/**
 * Options of {@link createBoundedHttpHandler}.
 *
 * @example
 * ```ts
 * const init: BoundedHttpHandlerInit = { connectTimeoutMs: 1000, requestTimeoutMs: 3000, maxSockets: 10 };
 * ```
 */
export interface BoundedHttpHandlerInit {
  /** TCP connect timeout of each attempt, ms. Default 1000 (with `wholeAnswer: false`, the SDK's). */
  connectTimeoutMs?: number;
  /**
   * The whole attempt, ms: from sending the request to the last byte of the answer's body. Default
   * 3000. With `wholeAnswer: false`, the SDK's meaning (until the headers), and no default.
   */
  requestTimeoutMs?: number;
  /**
   * `true` (default): `requestTimeoutMs` covers the body too, for answers read at once (Secrets
   * Manager, SSM, STS). `false`: the SDK's own timeouts only, for clients whose answers may be
   * streamed (an S3 download would be cut otherwise).
   */
  wholeAnswer?: boolean;
  /** Most sockets per host (both agents). Default 50, the SDK's. */
  maxSockets?: number;
  /** `false`: TLS certificates are not checked (Airflow's `verify: false`). */
  rejectUnauthorized?: false;
  /** The only trusted TLS roots (the contents of Airflow's `verify: "<CA bundle path>"`). */
  ca?: string | Buffer;
  /** Agent for `http:` endpoints; default a keep-alive agent with `maxSockets`. */
  httpAgent?: HttpAgent;
  /** Agent for `https:` endpoints; default a keep-alive agent with `maxSockets`, `rejectUnauthorized`, `ca`. */
  httpsAgent?: HttpsAgent;
}

type Handle = NodeHttpHandler["handle"];
type HandlerClasses = {
  Plain: typeof NodeHttpHandler;
  Bounded: new (
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    totalMs: number,
  ) => NodeHttpHandler;
};

/**
 * The one request handler of awsconn's AWS clients (both AWS sources, and every client
 * `@awsconn/credentials` configures): a `NodeHttpHandler` (loaded on first use) with keep-alive
 * agents, a connect timeout, and a request timeout that bounds each attempt from start to finish
 * (connect, first byte, the whole body). The SDK's own `requestTimeout` stops counting when the
 * headers arrive, so a server that sends headers and then trickles (or stops) the body would hold
 * a call for ever; here the body is cut at the deadline with a `TimeoutError` (`code:
 * "ETIMEDOUT"`), which the SDK's retry treats as transient, like a timeout before the headers
 * (`throwOnRequestTimeout` is set, so that one is an error too, not a logged warning). The cut
 * costs one unref'd timer per answer whose body is still arriving, cleared when it closes.
 *
 * @example
 * ```ts
 * const requestHandler = await createBoundedHttpHandler({ connectTimeoutMs: 1000, requestTimeoutMs: 3000 });
 * const client = new SSMClient({ region: "eu-west-1", requestHandler });
 * ```
 */
export async function createBoundedHttpHandler(init: BoundedHttpHandlerInit): Promise<NodeHttpHandler> {
  const { Plain, Bounded } = await loadClasses();
  const agents = await agentsFor(init);
  if (init.wholeAnswer === false) {
    return new Plain({
      ...agents,
      ...(init.connectTimeoutMs !== undefined ? { connectionTimeout: init.connectTimeoutMs } : {}),
      ...(init.requestTimeoutMs !== undefined
        ? { requestTimeout: init.requestTimeoutMs, throwOnRequestTimeout: true }
        : {}),
    });
  }
  const totalMs = init.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return new Bounded(
    {
      ...agents,
      connectionTimeout: init.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      requestTimeout: totalMs,
      throwOnRequestTimeout: true,
    },
    totalMs,
  );
}

// ---------------------------------------------------------------------------------------------

const loadClasses = lazyClient<HandlerClasses>(undefined, async () => {
  const { NodeHttpHandler } = (
    typeof require === "function"
      ? require("@smithy/node-http-handler")
      : requireHere("@smithy/node-http-handler")
  ) as typeof import("@smithy/node-http-handler");
  class BoundedHttpHandler extends NodeHttpHandler {
    readonly #totalMs: number;

    constructor(options: ConstructorParameters<typeof NodeHttpHandler>[0], totalMs: number) {
      super(options);
      this.#totalMs = totalMs;
    }

    override async handle(
      request: Parameters<Handle>[0],
      options?: Parameters<Handle>[1],
    ): ReturnType<Handle> {
      const started = performance.now();
      const answer = await super.handle(request, options);
      cutBodyAt(answer.response.body as IncomingMessage | undefined, started, this.#totalMs);
      return answer;
    }
  }
  return { Plain: NodeHttpHandler, Bounded: BoundedHttpHandler };
});

/** The agents of `init`, made when it gives pool or TLS settings but no agents of its own. */
async function agentsFor(
  init: BoundedHttpHandlerInit,
): Promise<{ httpAgent?: HttpAgent; httpsAgent?: HttpsAgent }> {
  const out: { httpAgent?: HttpAgent; httpsAgent?: HttpsAgent } = {};
  if (init.httpAgent) out.httpAgent = init.httpAgent;
  if (init.httpsAgent) out.httpsAgent = init.httpsAgent;
  const tuned = init.maxSockets !== undefined || init.rejectUnauthorized === false || init.ca !== undefined;
  if (!tuned) return out;
  const maxSockets = init.maxSockets ?? 50;
  if (!out.httpAgent) {
    const { Agent } = await import("node:http");
    out.httpAgent = new Agent({ keepAlive: true, maxSockets });
  }
  if (!out.httpsAgent) {
    const { Agent } = await import("node:https");
    out.httpsAgent = new Agent({
      keepAlive: true,
      maxSockets,
      ...(init.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
      ...(init.ca !== undefined ? { ca: init.ca } : {}),
    });
  }
  return out;
}

/** Destroys a body still incomplete `totalMs` after `started` (a `performance.now()` time) with a `TimeoutError`. */
function cutBodyAt(body: IncomingMessage | undefined, started: number, totalMs: number): void {
  if (!body || typeof body.destroy !== "function" || typeof body.once !== "function") return;
  if (body.complete || body.destroyed) return;
  const timer = setTimeout(cut, Math.max(1, started + totalMs - performance.now()), body, totalMs);
  // The socket keeps the process alive while the body is pending; an unread, complete body must not.
  timer.unref();
  // An answer's "close" follows its "end" (and any destroy), so one listener clears the timer.
  body.once("close", () => clearTimeout(timer));
}

function cut(body: IncomingMessage, totalMs: number): void {
  if (body.complete || body.destroyed) return;
  body.destroy(
    Object.assign(
      new Error(`the answer did not arrive in full within ${totalMs} ms (connect, headers and body)`),
      { name: "TimeoutError", code: "ETIMEDOUT" },
    ),
  );
}
