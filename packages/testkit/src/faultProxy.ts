import { type IncomingMessage, type ServerResponse, createServer, request } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * What the fault proxy does with one request.
 *
 * - `"pass"`: forward it to the target unchanged.
 * - `"reset"`: destroy the connection with a TCP RST (the client sees `ECONNRESET`).
 * - `"drop"`: close the connection without answering (the client sees "socket hang up").
 * - `"hang"`: read the request and never answer (until the proxy is closed).
 * - `{ status }`: answer with that HTTP status (500, 503, ...) and a plain-text body.
 * - `{ throttle }`: an AWS JSON 1.1 throttling error, as Secrets Manager and SSM send it
 *   (`x-amzn-ErrorType` header + `{"__type","message"}` body; 400 for `ThrottlingException`,
 *   429 for `TooManyRequestsException`).
 * - `{ truncate }`: forward, but send only the first `truncate` bytes of the answer's body, then
 *   cut the connection (the declared `content-length` is kept).
 * - `{ trickle }`: forward, send the answer's headers at once (its full `content-length`), then its
 *   body one byte every `trickle` ms (a slow or hostile backend that never times out a read).
 * - `"stallAfterHeaders"`: forward, send the answer's headers, then nothing more (the body never
 *   comes; the connection stays open until the client or the proxy closes it).
 * - `{ delayMs, next }`: wait, then apply `next` (default `"pass"`).
 */
export type Fault =
  | "pass"
  | "reset"
  | "drop"
  | "hang"
  | { status: number; body?: string }
  | { throttle: "ThrottlingException" | "TooManyRequestsException"; message?: string }
  | { truncate: number }
  | { trickle: number }
  | "stallAfterHeaders"
  | { delayMs: number; next?: Fault };

/** One request the fault proxy received, and what it did with it. */
export interface FaultRecord {
  /** 0-based number of the request since start (or the last `reset()`). */
  index: number;
  /** The AWS operation from `X-Amz-Target` (`GetSecretValue`), or `""`. */
  operation: string;
  /** The request body (SDK requests carry ids and names, never secret values). */
  body: string;
  /** The fault applied. */
  fault: Fault;
  /** `performance.now()` when the request was read completely. */
  at: number;
}

/** Decides the fault of each request from its number and content; `undefined` means `"pass"`. */
export type FaultScript = (request: { index: number; operation: string; body: string }) => Fault | undefined;

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** Where passed requests go (e.g. the moto endpoint). */
  target: string;
  /** The fault per request. Default: pass everything. Replace it later with `setScript`. */
  script?: FaultScript;
}

/** A running fault proxy; see {@link startFaultProxy}. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`; stays the same across `down()`/`up()`. */
  readonly endpoint: string;
  /** Every request received, in order. */
  readonly records: readonly FaultRecord[];
  /** Requests received, all or for one operation. */
  count(operation?: string): number;
  /** Replaces the script (request numbering continues). */
  setScript(script: FaultScript | undefined): void;
  /** Forwards passed requests to another target from now on (a restarted backend on a new port). */
  setTarget(target: string): void;
  /** Stops listening and cuts every open connection: new requests get `ECONNREFUSED`, as a stopped server. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Whether the proxy is listening. */
  readonly isUp: boolean;
  /** Forgets the records and restarts the numbering at 0. */
  reset(): void;
  /** Closes the proxy for good (hung requests included). */
  close(): Promise<void>;
}

/**
 * A fault-injecting HTTP proxy on `127.0.0.1` to place between AWS SDK clients and moto: per
 * request number (or operation) it adds latency, resets or drops the connection, answers 500/503
 * or an AWS throttling error, truncates the answer, or hangs; `down()`/`up()` stop and restart it
 * on the same port as if the backend went away and came back.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy({
 *   target: motoEndpoint(),
 *   script: ({ index }) => (index < 2 ? { throttle: "ThrottlingException" } : "pass"),
 * });
 * const source = fromSecretsManager({ endpoint: proxy.endpoint, region: "us-east-1" });
 * await source.get("aws_default"); // two throttled attempts, the third passes
 * expect(proxy.count("GetSecretValue")).toBe(3);
 * await proxy.close();
 * ```
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let script = options.script;
  let target = options.target;
  const records: FaultRecord[] = [];
  let numbering = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let listening = false;
  let closed = false;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = body.toString("utf8");
      const index = numbering++;
      const operation = operationOf(req);
      const fault = script?.({ index, operation, body: text }) ?? "pass";
      records.push({ index, operation, body: text, fault, at: performance.now() });
      apply(fault, req, body, res);
    });
  });
  server.keepAliveTimeout = 1000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  function apply(fault: Fault, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    if (fault === "pass") {
      forward(target, req, body, res, { kind: "pass" });
      return;
    }
    if (fault === "stallAfterHeaders") {
      forward(target, req, body, res, { kind: "stall" });
      return;
    }
    if (fault === "hang") return;
    if (fault === "reset") {
      req.socket.resetAndDestroy();
      return;
    }
    if (fault === "drop") {
      req.socket.destroy();
      return;
    }
    if ("delayMs" in fault) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!req.socket.destroyed) apply(fault.next ?? "pass", req, body, res);
      }, fault.delayMs);
      timers.add(timer);
      return;
    }
    if ("truncate" in fault) {
      forward(target, req, body, res, { kind: "truncate", at: fault.truncate });
      return;
    }
    if ("trickle" in fault) {
      forward(target, req, body, res, { kind: "trickle", everyMs: fault.trickle, timers });
      return;
    }
    if ("throttle" in fault) {
      const status = fault.throttle === "TooManyRequestsException" ? 429 : 400;
      res.writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-ErrorType": fault.throttle,
        "x-amzn-RequestId": `fault-${records.length}`,
      });
      res.end(JSON.stringify({ __type: fault.throttle, message: fault.message ?? "Rate exceeded" }));
      return;
    }
    res.writeHead(fault.status, { "content-type": "text/plain" });
    res.end(fault.body ?? `fault proxy: injected ${fault.status}`);
  }

  function listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
        server.removeListener("error", reject);
        listening = true;
        resolve();
      });
    });
  }

  function stop(): Promise<void> {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    return new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });
  }

  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    records,
    count: (operation) =>
      operation ? records.filter((r) => r.operation === operation).length : records.length,
    setScript: (next) => {
      script = next;
    },
    setTarget: (next) => {
      target = next;
    },
    down: () => stop(),
    up: async () => {
      if (closed) throw new Error("fault proxy: closed");
      if (!listening) await listen(port);
    },
    get isUp() {
      return listening;
    },
    reset: () => {
      records.length = 0;
      numbering = 0;
    },
    close: async () => {
      closed = true;
      await stop();
    },
  };
}

/**
 * A script from a list: request `i` gets `faults[i]`, requests past the end get `then`
 * (default `"pass"`).
 *
 * @example
 * ```ts
 * proxy.setScript(faultSequence([{ throttle: "ThrottlingException" }, { status: 503 }]));
 * ```
 */
export function faultSequence(faults: readonly Fault[], then: Fault = "pass"): FaultScript {
  return ({ index }) => faults[index] ?? then;
}

// ---------------------------------------------------------------------------------------------

function operationOf(req: IncomingMessage): string {
  const target = req.headers["x-amz-target"];
  return typeof target === "string" ? target.slice(target.lastIndexOf(".") + 1) : "";
}

/** How {@link forward} hands the target's answer on. */
type Relay =
  | { kind: "pass" }
  | { kind: "truncate"; at: number }
  | { kind: "trickle"; everyMs: number; timers: Set<NodeJS.Timeout> }
  | { kind: "stall" };

function forward(
  target: string,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
  relay: Relay,
): void {
  const url = new URL(req.url ?? "/", target);
  const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (up) => {
    if (relay.kind === "pass") {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    up.on("data", (c: Buffer) => chunks.push(c));
    up.on("end", () => {
      const full = Buffer.concat(chunks);
      const headers = { ...up.headers, "content-length": String(full.length) };
      delete headers["transfer-encoding"];
      res.writeHead(up.statusCode ?? 502, headers);
      if (relay.kind === "stall") {
        res.flushHeaders();
        return;
      }
      if (relay.kind === "trickle") {
        res.flushHeaders();
        trickle(full, res, relay.everyMs, relay.timers);
        return;
      }
      res.write(full.subarray(0, Math.min(relay.at, Math.max(0, full.length - 1))));
      // Let the partial body leave, then cut the connection mid-body.
      setImmediate(() => req.socket.destroy());
    });
  });
  upstream.on("error", () => {
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    res.writeHead(502, { "content-type": "text/plain" });
    res.end("fault proxy: target unreachable");
  });
  upstream.end(body);
}

/** Writes `body` one byte every `everyMs` ms, until it is all sent or the client is gone. */
function trickle(body: Buffer, res: ServerResponse, everyMs: number, timers: Set<NodeJS.Timeout>): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= body.length) {
      clearInterval(timer);
      timers.delete(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(sent, sent + 1));
    sent += 1;
  }, everyMs);
  timers.add(timer);
}
