import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Fault, startFaultProxy } from "@awsconn/testkit/faults";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoundedHttpHandler } from "../src/createBoundedHttpHandler.js";

// A tiny upstream answering every request with a 100-byte body, behind the fault proxy.
const BODY = "x".repeat(100);
let upstream: Server;
let target: string;
beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end(BODY));
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

/** One request through the handler; the body read to the end as the SDK's deserializers do. */
async function fetchThrough(fault: Fault, requestTimeoutMs: number) {
  const proxy = await startFaultProxy({ target, script: () => fault });
  const handler = await createBoundedHttpHandler({ connectTimeoutMs: 500, requestTimeoutMs });
  const url = new URL(proxy.endpoint);
  const started = performance.now();
  try {
    const { response } = await handler.handle({
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      query: {},
      headers: { host: url.host },
      body: "{}",
    } as unknown as Parameters<typeof handler.handle>[0]);
    let text = "";
    for await (const chunk of response.body as AsyncIterable<Buffer>) text += chunk.toString("utf8");
    return { text, ms: performance.now() - started };
  } catch (error) {
    return { error: error as Error & { code?: string }, ms: performance.now() - started };
  } finally {
    handler.destroy();
    await proxy.close();
  }
}

describe("createBoundedHttpHandler", () => {
  it("a body that trickles (1 byte / 50 ms) is cut at the request timeout with a TimeoutError", async () => {
    const r = await fetchThrough({ trickle: 50 }, 400);
    expect(r.error).toMatchObject({ name: "TimeoutError", code: "ETIMEDOUT" });
    expect(r.error?.message).toContain("within 400 ms");
    expect(r.ms).toBeGreaterThanOrEqual(380);
    expect(r.ms).toBeLessThan(400 + 1000);
  });

  it("headers then silence: cut at the request timeout", async () => {
    const r = await fetchThrough("stallAfterHeaders", 300);
    expect(r.error).toMatchObject({ name: "TimeoutError" });
    expect(r.ms).toBeGreaterThanOrEqual(280);
    expect(r.ms).toBeLessThan(300 + 1000);
  });

  it("no headers at all: a TimeoutError too (throwOnRequestTimeout), not a logged warning", async () => {
    const r = await fetchThrough("hang", 300);
    expect(r.error).toMatchObject({ name: "TimeoutError" });
    expect(r.ms).toBeLessThan(300 + 1000);
  });

  it("a whole answer within the timeout passes untouched, and a slow but finished one too", async () => {
    expect(await fetchThrough("pass", 1000)).toMatchObject({ text: BODY });
    // 100 bytes at 1 per 2 ms (~200 ms + timer slack) within a 3 s budget.
    expect(await fetchThrough({ trickle: 2 }, 3000)).toMatchObject({ text: BODY });
  });
});
