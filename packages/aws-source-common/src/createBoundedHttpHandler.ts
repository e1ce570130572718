import type { IncomingMessage, Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import type { NodeHttpHandler } from "@smithy/node-http-handler";

/**
 * Options of {@link createBoundedHttpHandler}.
 *
 * @example
 * ```ts
 * const init: BoundedHttpHandlerInit = { connectTimeoutMs: 1000, requestTimeoutMs: 3000 };
 * ```
 */
export interface BoundedHttpHandlerInit {
  /** TCP connect timeout of each attempt, ms. */
  connectTimeoutMs: number;
  /** The whole attempt, ms: from sending the request to the last byte of the answer's body. */
  requestTimeoutMs: number;
  /** Agent for `http:` endpoints (socket pool); default the SDK's (keep-alive, 50 sockets). */
  httpAgent?: HttpAgent;
  /** Agent for `https:` endpoints (socket pool, TLS settings); default the SDK's. */
  httpsAgent?: HttpsAgent;
}

type Handle = NodeHttpHandler["handle"];
type BoundedClass = new (init: BoundedHttpHandlerInit) => NodeHttpHandler;
let boundedClass: Promise<BoundedClass> | undefined;

/**
 * A `NodeHttpHandler` (loaded on first use) whose `requestTimeoutMs` bounds each attempt from start
 * to finish: connect, first byte, and the whole body. The SDK's own `requestTimeout` stops counting
 * when the headers arrive, so a server that sends headers and then trickles (or stops) the body
 * would hold a call for ever; here the body is cut at the deadline with a `TimeoutError`
 * (`code: "ETIMEDOUT"`), which the SDK's standard retry treats as transient, like a timeout before
 * the headers (`throwOnRequestTimeout` is set, so that one is an error too, not a logged warning).
 * Only for clients whose answers are small and read at once (Secrets Manager, SSM, STS): a
 * streamed download would be cut too.
 *
 * @example
 * ```ts
 * const requestHandler = await createBoundedHttpHandler({ connectTimeoutMs: 1000, requestTimeoutMs: 3000 });
 * const client = new SSMClient({ region: "eu-west-1", requestHandler });
 * ```
 */
export async function createBoundedHttpHandler(init: BoundedHttpHandlerInit): Promise<NodeHttpHandler> {
  boundedClass ??= import("@smithy/node-http-handler").then(({ NodeHttpHandler }) => {
    return class BoundedHttpHandler extends NodeHttpHandler {
      readonly #totalMs: number;

      constructor(options: BoundedHttpHandlerInit) {
        super({
          connectionTimeout: options.connectTimeoutMs,
          requestTimeout: options.requestTimeoutMs,
          throwOnRequestTimeout: true,
          ...(options.httpAgent ? { httpAgent: options.httpAgent } : {}),
          ...(options.httpsAgent ? { httpsAgent: options.httpsAgent } : {}),
        });
        this.#totalMs = options.requestTimeoutMs;
      }

      override async handle(...args: Parameters<Handle>): ReturnType<Handle> {
        const started = performance.now();
        const answer = await super.handle(...args);
        cutBodyAt(
          answer.response.body as IncomingMessage | undefined,
          started + this.#totalMs,
          this.#totalMs,
        );
        return answer;
      }
    };
  });
  const Bounded = await boundedClass;
  return new Bounded(init);
}

// ---------------------------------------------------------------------------------------------

/** Destroys a body still incomplete at `deadline` (a `performance.now()` time) with a `TimeoutError`. */
function cutBodyAt(body: IncomingMessage | undefined, deadline: number, totalMs: number): void {
  if (!body || typeof body.destroy !== "function" || typeof body.once !== "function") return;
  if (body.complete || body.destroyed) return;
  const timer = setTimeout(
    () => {
      if (body.complete || body.destroyed) return;
      body.destroy(
        Object.assign(
          new Error(`the answer did not arrive in full within ${totalMs} ms (connect, headers and body)`),
          { name: "TimeoutError", code: "ETIMEDOUT" },
        ),
      );
    },
    Math.max(1, deadline - performance.now()),
  );
  // The socket keeps the process alive while the body is pending; an unread, complete body must not.
  timer.unref();
  const clear = () => clearTimeout(timer);
  body.once("end", clear);
  body.once("close", clear);
}
