import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fault, type FaultProxy, faultSequence, startFaultProxy } from "./faultProxy.js";

// The proxy in front of a tiny local upstream that answers every POST with a fixed JSON body.
const UPSTREAM_BODY = JSON.stringify({ Name: "x", SecretString: "y".repeat(200) });
let upstream: Server;
let target: string;
let upstreamHits = 0;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      upstreamHits++;
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(UPSTREAM_BODY);
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

interface Answer {
  status?: number;
  headers?: Record<string, unknown>;
  body?: string;
  error?: string;
  ms: number;
}

function post(endpoint: string, operation = "GetSecretValue"): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      endpoint,
      {
        method: "POST",
        agent: false,
        headers: {
          "x-amz-target": `secretsmanager.${operation}`,
          "content-type": "application/x-amz-json-1.1",
        },
      },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          body += c.toString("utf8");
        });
        res.on("end", () =>
          resolve({ status: res.statusCode, headers: res.headers, body, ms: performance.now() - started }),
        );
        res.on("error", (e: NodeJS.ErrnoException) =>
          resolve({
            status: res.statusCode,
            body,
            error: e.code ?? e.message,
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) =>
      resolve({ error: e.code ?? e.message, ms: performance.now() - started }),
    );
    req.end('{"SecretId":"a"}');
  });
}

/** When the headers and the first body byte of one answer came (ms; Infinity when none within `waitMs`). */
function firstByteAndHeaders(
  endpoint: string,
  waitMs = 5000,
): Promise<{ status?: number; contentLength?: string; headersMs: number; firstByteMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(endpoint, { method: "POST", agent: false }, (res) => {
      const headersMs = performance.now() - started;
      const done = (firstByteMs: number) => {
        clearTimeout(timer);
        req.destroy();
        resolve({
          status: res.statusCode,
          contentLength: res.headers["content-length"],
          headersMs,
          firstByteMs,
        });
      };
      const timer = setTimeout(() => done(Number.POSITIVE_INFINITY), waitMs);
      res.once("data", () => done(performance.now() - started));
      res.on("error", () => undefined);
    });
    req.on("error", reject);
    req.end("{}");
  });
}

async function withProxy(script: (i: number) => Fault, run: (p: FaultProxy) => Promise<void>) {
  const proxy = await startFaultProxy({ target, script: ({ index }) => script(index) });
  try {
    await run(proxy);
  } finally {
    await proxy.close();
  }
}

describe("startFaultProxy", () => {
  it("passes requests to the target and records operation and number", async () => {
    await withProxy(
      () => "pass",
      async (proxy) => {
        const before = upstreamHits;
        const answer = await post(proxy.endpoint, "GetParameter");
        expect(answer).toMatchObject({ status: 200, body: UPSTREAM_BODY });
        expect(upstreamHits).toBe(before + 1);
        expect(proxy.records).toMatchObject([{ index: 0, operation: "GetParameter", fault: "pass" }]);
      },
    );
  });

  it("answers throttling errors in the AWS JSON 1.1 shape, without reaching the target", async () => {
    await withProxy(
      (i) => ({ throttle: i === 0 ? "ThrottlingException" : "TooManyRequestsException" }),
      async (proxy) => {
        const before = upstreamHits;
        const a = await post(proxy.endpoint);
        const b = await post(proxy.endpoint);
        expect(a.status).toBe(400);
        expect(a.headers?.["x-amzn-errortype"]).toBe("ThrottlingException");
        expect(JSON.parse(a.body ?? "")).toEqual({ __type: "ThrottlingException", message: "Rate exceeded" });
        expect(b.status).toBe(429);
        expect(JSON.parse(b.body ?? "").__type).toBe("TooManyRequestsException");
        expect(upstreamHits).toBe(before);
      },
    );
  });

  it("answers 500 and 503", async () => {
    await withProxy(
      (i) => ({ status: i === 0 ? 500 : 503 }),
      async (proxy) => {
        expect((await post(proxy.endpoint)).status).toBe(500);
        expect((await post(proxy.endpoint)).status).toBe(503);
      },
    );
  });

  it("resets and drops connections", async () => {
    await withProxy(
      (i) => (i === 0 ? "reset" : "drop"),
      async (proxy) => {
        expect((await post(proxy.endpoint)).error).toBe("ECONNRESET");
        expect((await post(proxy.endpoint)).error).toMatch(/ECONNRESET|socket hang up/);
        expect(proxy.count()).toBe(2);
      },
    );
  });

  it("truncates the body below its declared length", async () => {
    await withProxy(
      () => ({ truncate: 10 }),
      async (proxy) => {
        const answer = await post(proxy.endpoint);
        expect(answer.error ?? "aborted").toMatch(/aborted|ECONNRESET/);
        expect((answer.body ?? "").length).toBeLessThan(UPSTREAM_BODY.length);
      },
    );
  });

  it("trickles: the headers at once with the full length, then the body one byte per interval", async () => {
    const short = JSON.stringify({ a: 1 }); // 7 bytes: trickled in about 7 x 20 ms
    const small = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.end(short));
    });
    await new Promise<void>((r) => small.listen(0, "127.0.0.1", r));
    const proxy = await startFaultProxy({
      target: `http://127.0.0.1:${(small.address() as AddressInfo).port}`,
      script: () => ({ trickle: 20 }),
    });
    try {
      const first = await firstByteAndHeaders(proxy.endpoint);
      expect(first.headersMs).toBeLessThan(first.firstByteMs);
      expect(first.contentLength).toBe(String(short.length));
      const answer = await post(proxy.endpoint);
      expect(answer).toMatchObject({ status: 200, body: short });
      expect(answer.ms).toBeGreaterThanOrEqual(short.length * 20 - 20);
    } finally {
      await proxy.close();
      await new Promise<void>((r) => small.close(() => r()));
    }
  });

  it("stalls after the headers: a 200 with a content-length and never a byte of the body", async () => {
    await withProxy(
      () => "stallAfterHeaders",
      async (proxy) => {
        const started = performance.now();
        const first = await firstByteAndHeaders(proxy.endpoint, 300);
        expect(first.status).toBe(200);
        expect(first.contentLength).toBe(String(UPSTREAM_BODY.length));
        expect(first.headersMs).toBeLessThan(300);
        expect(first.firstByteMs).toBe(Number.POSITIVE_INFINITY); // nothing within 300 ms
        expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      },
    );
  });

  it("delays by the scripted latency, then applies the next fault", async () => {
    await withProxy(
      () => ({ delayMs: 150, next: { status: 503 } }),
      async (proxy) => {
        const answer = await post(proxy.endpoint);
        expect(answer.status).toBe(503);
        expect(answer.ms).toBeGreaterThanOrEqual(140);
      },
    );
  });

  it("hangs until closed", async () => {
    const proxy = await startFaultProxy({ target, script: () => "hang" });
    const pending = post(proxy.endpoint);
    await new Promise((r) => setTimeout(r, 50));
    expect(proxy.count()).toBe(1);
    await proxy.close();
    expect((await pending).error).toMatch(/ECONNRESET|socket hang up/);
  });

  it("goes down (connection refused) and comes back on the same endpoint", async () => {
    await withProxy(
      () => "pass",
      async (proxy) => {
        await proxy.down();
        expect(proxy.isUp).toBe(false);
        expect((await post(proxy.endpoint)).error).toBe("ECONNREFUSED");
        await proxy.up();
        expect((await post(proxy.endpoint)).status).toBe(200);
      },
    );
  });

  it("setTarget forwards to a new target; an unreachable target is a 502", async () => {
    await withProxy(
      () => "pass",
      async (proxy) => {
        proxy.setTarget("http://127.0.0.1:9");
        expect((await post(proxy.endpoint)).status).toBe(502);
        proxy.setTarget(target);
        expect((await post(proxy.endpoint)).status).toBe(200);
      },
    );
  });

  it("faultSequence scripts by request number and setScript replaces the script", async () => {
    const proxy = await startFaultProxy({ target, script: faultSequence([{ status: 503 }, "reset"]) });
    try {
      expect((await post(proxy.endpoint)).status).toBe(503);
      expect((await post(proxy.endpoint)).error).toBe("ECONNRESET");
      expect((await post(proxy.endpoint)).status).toBe(200);
      proxy.setScript(() => ({ status: 500 }));
      expect((await post(proxy.endpoint)).status).toBe(500);
      proxy.reset();
      expect(proxy.count()).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});
