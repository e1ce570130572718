import { Agent, type IncomingMessage, type ServerResponse, createServer, request } from "node:http";
import { listenOnLoopback } from "./listenOnLoopback.js";
import { type BucketClock, type TokenBucket, createTokenBucket } from "./tokenBucket.js";

/** One API quota: operations of one service that share a token bucket per account and region. */
export interface Quota {
  /** The SigV4 signing name: `ssm`, `secretsmanager`, `sts`. */
  service: string;
  /** The operations that share the bucket (`GetParameter`, `GetParameters`, ...). */
  operations: readonly string[];
  /** Requests per second (before {@link QuotaProxyOptions.rateScale}). */
  tps: number;
  /** Bucket size; default `tps` (one second's worth), scaled by `burstScale`. */
  burst?: number;
}

/**
 * AWS's default quotas for the calls awsconn makes (per account and region):
 * - SSM `GetParameter`, `GetParameters`, `GetParametersByPath`: 40 TPS shared (standard throughput;
 *   the paid higher-throughput setting raises it to 10,000);
 * - Secrets Manager `GetSecretValue` with `DescribeSecret`: 10,000 TPS combined;
 *   `BatchGetSecretValue`: 100 TPS; `ListSecrets`: 100 TPS (override both when measuring).
 *
 * @example
 * ```ts
 * startQuotaProxy({ target, quotas: [...AWS_DEFAULT_QUOTAS, { service: "sts", operations: ["GetCallerIdentity"], tps: 5 }] });
 * ```
 */
export const AWS_DEFAULT_QUOTAS: readonly Quota[] = [
  { service: "ssm", operations: ["GetParameter", "GetParameters", "GetParametersByPath"], tps: 40 },
  { service: "secretsmanager", operations: ["GetSecretValue", "DescribeSecret"], tps: 10_000 },
  { service: "secretsmanager", operations: ["BatchGetSecretValue"], tps: 100 },
  { service: "secretsmanager", operations: ["ListSecrets"], tps: 100 },
];

/** Options of {@link startQuotaProxy}. */
export interface QuotaProxyOptions {
  /** Where requests within the quota go (the moto endpoint). */
  target: string;
  /** The quotas enforced; default {@link AWS_DEFAULT_QUOTAS}. Operations not named pass unmetered. */
  quotas?: readonly Quota[];
  /**
   * Multiplies every quota's `tps` and `burst`: a benchmark that runs time `S` times faster and a
   * fleet `F` times smaller passes `S / F`. Default 1.
   */
  rateScale?: number;
  /**
   * Multiplies every quota's `burst`. Default: `rateScale`. A fleet `F` times smaller meets the
   * same quota statistics with the rate divided by `F` and the burst kept (`burstScale: 1`): its
   * calls over `F` seconds are distributed as the full fleet's over one.
   */
  burstScale?: number;
  /** Time source in ms for the buckets and the per-second counts. Default `performance`. */
  clock?: BucketClock;
  /** Width of one counting bin in ms (a compressed "second"). Default 1000. */
  binMs?: number;
  /** The account of an access key id (quotas are per account). Default: moto's `123456789012`. */
  accountOf?: (accessKeyId: string) => string;
}

/** Calls of one operation: passed on to the target, or answered with a throttling error. */
export interface OperationCount {
  forwarded: number;
  throttled: number;
}

/** Counts of one bin (see {@link QuotaProxyOptions.binMs}), per operation. */
export interface QuotaBin {
  /** Bin number since the proxy started (or the last `reset()`). */
  bin: number;
  operations: Record<string, OperationCount>;
}

/** A running quota proxy; see {@link startQuotaProxy}. */
export interface QuotaProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Totals per operation since start (or the last `reset()`). */
  counts(): Record<string, OperationCount>;
  /** Per-bin counts, oldest first, empty bins included. */
  bins(): QuotaBin[];
  /** Forgets the counts, restarts bin numbering and refills every bucket. */
  reset(): void;
  /** Closes the server and every open connection. */
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of moto that enforces AWS API quotas the way AWS does: one token bucket
 * per quota, account and region (read from the SigV4 `Authorization` scope and the access key), and a
 * request over the quota is answered as AWS answers it, per protocol (see {@link throttlingReply}); it
 * never reaches moto. Every call is counted per operation and per second.
 *
 * @example
 * ```ts
 * const proxy = await startQuotaProxy({ target: motoEndpoint() });
 * const ssm = new SSMClient({ endpoint: proxy.endpoint, region: "us-east-1" });
 * // 41 GetParameter calls in one second: the 41st is a ThrottlingException
 * proxy.counts().GetParameter; // { forwarded: 40, throttled: 1 }
 * await proxy.close();
 * ```
 */
export async function startQuotaProxy(options: QuotaProxyOptions): Promise<QuotaProxy> {
  const clock = options.clock ?? performance;
  const binMs = options.binMs ?? 1000;
  const scale = options.rateScale ?? 1;
  const burstScale = options.burstScale ?? scale;
  const quotas = options.quotas ?? AWS_DEFAULT_QUOTAS;
  const accountOf = options.accountOf ?? (() => "123456789012");
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let buckets = new Map<string, TokenBucket>();
  let totals: Record<string, OperationCount> = {};
  let perBin: Record<string, OperationCount>[] = [];
  let startedAt = clock.now();
  let served = 0;

  const bucketFor = (scope: Scope, op: string): TokenBucket | undefined => {
    const index = quotas.findIndex((q) => q.service === scope.service && q.operations.includes(op));
    const quota = quotas[index];
    if (!quota) return undefined;
    const key = `${accountOf(scope.accessKeyId)}/${scope.region}/${index}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      const burst = (quota.burst ?? quota.tps) * burstScale;
      bucket = createTokenBucket({ ratePerSecond: quota.tps * scale, burst, clock });
      buckets.set(key, bucket);
    }
    return bucket;
  };

  const count = (op: string, kind: keyof OperationCount): void => {
    const bin = Math.max(0, Math.floor((clock.now() - startedAt) / binMs));
    while (perBin.length <= bin) perBin.push({});
    const slot = perBin[bin] as Record<string, OperationCount>;
    for (const table of [totals, slot]) {
      table[op] ??= { forwarded: 0, throttled: 0 };
      (table[op] as OperationCount)[kind]++;
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const op = operationOf(req, body);
      const bucket = bucketFor(scopeOf(req), op);
      if (bucket && !bucket.tryTake()) {
        count(op, "throttled");
        const reply = throttlingReply(
          req.headers["x-amz-target"] ? "awsJson1_1" : "awsQuery",
          `quota-${++served}`,
        );
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
        return;
      }
      count(op, "forwarded");
      pass(options.target, agent, req, body, res);
    });
  });
  server.keepAliveTimeout = 5000;
  const listener = await listenOnLoopback(server);
  return {
    endpoint: listener.endpoint,
    counts: () => structuredClone(totals),
    bins: () => perBin.map((operations, bin) => ({ bin, operations: structuredClone(operations) })),
    reset: () => {
      buckets = new Map();
      totals = {};
      perBin = [];
      startedAt = clock.now();
    },
    close: async () => {
      agent.destroy();
      await listener.close();
    },
  };
}

/** The protocol of an AWS API: JSON 1.1 (`X-Amz-Target`; Secrets Manager, SSM) or query (STS). */
export type AwsProtocol = "awsJson1_1" | "awsQuery";

/**
 * The answer AWS gives a request over its quota. JSON 1.1 (Secrets Manager, SSM): HTTP 400,
 * `x-amzn-ErrorType: ThrottlingException`, body `{"__type":"ThrottlingException","message":"Rate exceeded"}`.
 * Query (STS): HTTP 400 with an `ErrorResponse` whose code is `Throttling`. The SDK reads both as
 * throttling errors (`ThrottlingException` and `Throttling` are in its throttling codes).
 *
 * @example
 * ```ts
 * const { status, headers, body } = throttlingReply("awsJson1_1", "req-1");
 * ```
 */
export function throttlingReply(
  protocol: AwsProtocol,
  requestId: string,
): { status: number; headers: Record<string, string>; body: string } {
  if (protocol === "awsJson1_1")
    return {
      status: 400,
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-ErrorType": "ThrottlingException",
        "x-amzn-RequestId": requestId,
      },
      body: JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }),
    };
  return {
    status: 400,
    headers: { "content-type": "text/xml", "x-amzn-RequestId": requestId },
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

// ---------------------------------------------------------------------------------------------

interface Scope {
  accessKeyId: string;
  region: string;
  service: string;
}

/** The signer's scope from `Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request`. */
function scopeOf(req: IncomingMessage): Scope {
  const auth = req.headers.authorization ?? "";
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  return { accessKeyId: m?.[1] ?? "", region: m?.[2] ?? "", service: m?.[3] ?? "" };
}

function operationOf(req: IncomingMessage, body: Buffer): string {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return target.slice(target.lastIndexOf(".") + 1);
  const action = /(?:^|&)Action=([^&]+)/.exec(body.toString("utf8"));
  return action?.[1] ? decodeURIComponent(action[1]) : "";
}

function pass(target: string, agent: Agent, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", target);
  const headers = { ...req.headers, host: url.host };
  const upstream = request(url, { method: req.method, headers, agent }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on("error", () => {
    if (res.headersSent) return void req.socket.destroy();
    res.writeHead(502, { "content-type": "text/plain" });
    res.end("quota proxy: target unreachable");
  });
  upstream.end(body);
}
