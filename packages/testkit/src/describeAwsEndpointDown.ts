import type { ConnectionSource } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { freePort } from "./freePort.js";
import { sourceErrorOf } from "./sourceErrorOf.js";
import { useLoopbackProxies } from "./useLoopbackProxies.js";

/** The options {@link describeAwsEndpointDown} gives the source it makes (region `us-east-1`). */
export interface EndpointDownInit {
  region: string;
  endpoint: string;
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

/**
 * The suite every AWS source passes: an endpoint that is down never hangs a lookup. A closed
 * port fails fast as a retryable `SourceError`; a server that never answers times out after
 * `requestTimeoutMs` per attempt (default 3000 ms) with 3 attempts; an abort signal ends a hung
 * call with the signal's own reason. `make` builds the source from the given options.
 *
 * @example
 * ```ts
 * describeAwsEndpointDown((init) => fromSsm(init));
 * ```
 */
export function describeAwsEndpointDown(make: (init: EndpointDownInit) => ConnectionSource): void {
  describe("an endpoint that is down never hangs a lookup", () => {
    const proxies = useLoopbackProxies();

    it("closed port -> SourceError (network, retryable) after 3 attempts", async () => {
      const endpoint = `http://127.0.0.1:${await freePort()}`;
      const source = make({ region: "us-east-1", endpoint });
      const started = performance.now();
      const error = await sourceErrorOf(source.get("x"));
      expect(error.retryable).toBe(true);
      expect(error.awsErrorName).toMatch(/ECONNREFUSED|TimeoutError/);
      expect(performance.now() - started).toBeLessThan(3 * 1000 + 2000);
    });

    it("a server that accepts but never answers -> TimeoutError SourceError after 3 x requestTimeoutMs", async () => {
      const proxy = await proxies.hanging();
      const source = make({ region: "us-east-1", endpoint: proxy.endpoint, requestTimeoutMs: 300 });
      const started = performance.now();
      const error = await sourceErrorOf(source.get("x"));
      const elapsed = performance.now() - started;
      expect(error).toMatchObject({ retryable: true, awsErrorName: "TimeoutError" });
      expect(proxy.count()).toBe(3);
      expect(elapsed).toBeGreaterThanOrEqual(3 * 300 - 50);
      expect(elapsed).toBeLessThan(3 * 300 + 3000);
    });

    it("the default request timeout is 3000 ms per attempt", async () => {
      const proxy = await proxies.hanging();
      const source = make({ region: "us-east-1", endpoint: proxy.endpoint, maxAttempts: 1 });
      const started = performance.now();
      const error = await sourceErrorOf(source.get("x"));
      const elapsed = performance.now() - started;
      expect(error.awsErrorName).toBe("TimeoutError");
      expect(elapsed).toBeGreaterThanOrEqual(2900);
      expect(elapsed).toBeLessThan(6000);
    }, 15_000);

    it("an abort signal ends a hung call promptly with the signal's reason", async () => {
      const proxy = await proxies.hanging();
      const source = make({ region: "us-east-1", endpoint: proxy.endpoint });
      const controller = new AbortController();
      const reason = new Error("caller gave up");
      setTimeout(() => controller.abort(reason), 100);
      await expect(source.get("x", { signal: controller.signal })).rejects.toBe(reason);
      expect(proxy.count()).toBe(1);
    });
  });
}
