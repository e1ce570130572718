import { type IncomingMessage, type ServerResponse, createServer, request } from "node:http";
import { listenOnLoopback } from "./listenOnLoopback.js";

/** One HTTP request the proxy received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /**
   * The AWS operation: from `X-Amz-Target` (`secretsmanager.GetSecretValue` -> `GetSecretValue`),
   * the `Action=` of a query-protocol body, or the last segment of an RPCv2 path; `""` if none.
   */
  operation: string;
}

/** A canned answer of {@link LoopbackProxyOptions.respond}. */
export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Options of {@link startLoopbackProxy}. */
export interface LoopbackProxyOptions {
  /** Where requests are forwarded (e.g. the moto endpoint). Without it every request must be answered by `respond`. */
  target?: string;
  /**
   * Decides per request: a {@link CannedResponse} to answer with, `"hang"` to read the request and
   * never answer, or `undefined` to forward it to `target`; or a promise of one (to hold a request
   * until a test lets it go).
   */
  respond?: (
    request: RecordedRequest,
    index: number,
  ) => CannedResponse | "hang" | undefined | Promise<CannedResponse | "hang" | undefined>;
}

/** A running loopback proxy; see {@link startLoopbackProxy}. */
export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Every request received so far, in order. */
  readonly requests: readonly RecordedRequest[];
  /** How many requests were received, or how many for one operation (`"GetSecretValue"`). */
  count(operation?: string): number;
  /** Forgets the recorded requests. */
  reset(): void;
  /** Closes the server and every open connection (hung ones too). */
  close(): Promise<void>;
}

/**
 * A counting HTTP proxy on `127.0.0.1`: every request is recorded (operation name included) and
 * either forwarded to `target` or answered by `respond` (a canned AWS error, or a hang). Point an
 * SDK client's `endpoint` at it to count the exact number of API requests on the wire (retries
 * included), or to produce failures moto cannot (access denied, throttling, a silent server).
 *
 * @example
 * ```ts
 * const proxy = await startLoopbackProxy({ target: motoEndpoint() });
 * await source.getMany(ids);
 * expect(proxy.count("BatchGetSecretValue")).toBe(3);
 * await proxy.close();
 * ```
 */
export async function startLoopbackProxy(options: LoopbackProxyOptions = {}): Promise<LoopbackProxy> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: body.toString("utf8"),
        operation: operationOf(req, body.toString("utf8")),
      };
      requests.push(recorded);
      const answer = await options.respond?.(recorded, requests.length - 1);
      if (answer === "hang") return;
      if (answer) {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? "");
        return;
      }
      forward(options.target, req, body, res);
    });
  });
  const listener = await listenOnLoopback(server);
  return {
    endpoint: listener.endpoint,
    requests,
    count: (operation) =>
      operation ? requests.filter((r) => r.operation === operation).length : requests.length,
    reset: () => {
      requests.length = 0;
    },
    close: () => listener.close(),
  };
}

/**
 * An AWS JSON-protocol error answer (`__type` + `message`), as Secrets Manager and SSM send them.
 *
 * @example
 * ```ts
 * respond: () => awsJsonError(400, "AccessDeniedException", "not authorized")
 * ```
 */
export function awsJsonError(status: number, type: string, message: string): CannedResponse {
  return {
    status,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": type },
    body: JSON.stringify({ __type: type, message }),
  };
}

// ---------------------------------------------------------------------------------------------

function operationOf(req: IncomingMessage, body: string): string {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return target.slice(target.lastIndexOf(".") + 1);
  const action = /(?:^|&)Action=([^&]+)/.exec(body);
  if (action?.[1]) return decodeURIComponent(action[1]);
  const rpc = /\/operation\/([^/?]+)/.exec(req.url ?? "");
  return rpc?.[1] ?? "";
}

function forward(target: string | undefined, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  if (!target) {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end("loopback proxy: no target and no canned response");
    return;
  }
  const url = new URL(req.url ?? "/", target);
  const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on("error", (error) => {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(`loopback proxy: ${error.message}`);
  });
  upstream.end(body);
}
