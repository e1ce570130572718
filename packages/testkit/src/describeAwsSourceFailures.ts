import type { ConnectionSource } from "@awsconn/core";
import { afterEach, describe, expect, it } from "vitest";
import { type FaultProxy, startFaultProxy } from "./faultProxy.js";
import { freePort } from "./freePort.js";
import { sourceErrorOf } from "@awsconn/source-kit";
import { motoEndpoint } from "./motoEndpoint.js";
import { useLoopbackProxies } from "./useLoopbackProxies.js";

/** The options {@link describeAwsSourceFailures} gives the source it makes (region `us-east-1`). */
export interface AwsFailureInit {
  region: string;
  endpoint: string;
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

/** What the `get("aws_default")` of {@link describeAwsSourceFailures} must name when it fails. */
export interface AwsFailureNames {
  /** `SourceError.source` (`"ssm"`). */
  source: string;
  /** The AWS operation of `get()` (`"GetParameter"`). */
  operation: string;
  /** The default secret id or parameter name of `aws_default`. */
  target: string;
}

/**
 * The failure suite every AWS source passes. Access denied is a `SourceError` that is not
 * retryable, names the source, operation and target, after one request; throttling is retried
 * (3 attempts) and then retryable. An endpoint that is down never hangs a lookup: a closed port
 * fails fast as a retryable `SourceError`; a server that never answers times out after
 * `requestTimeoutMs` per attempt (default 3000 ms) with 3 attempts; so does one that sends the
 * headers and then trickles the body (1 byte per 200 ms) or sends no body at all (the request timeout
 * covers the whole answer); an abort signal ends a hung call with the signal's own reason. `make`
 * builds the source from the given options.
 *
 * @example
 * ```ts
 * describeAwsSourceFailures((init) => fromSsm(init), {
 *   source: "ssm", operation: "GetParameter", target: "/airflow/connections/aws_default",
 * });
 * ```
 */
export function describeAwsSourceFailures(
  make: (init: AwsFailureInit) => ConnectionSource,
  names: AwsFailureNames,
): void {
  const proxies = useLoopbackProxies();

  describe("failures are SourceErrors", () => {
    // moto does not enforce IAM: a loopback server answers as AWS does for a denied call.
    it("access denied -> SourceError, not retryable, one request, no secret in the message", async () => {
      const proxy = await proxies.failing(
        400,
        "AccessDeniedException",
        "User: arn:aws:iam::1:user/x is not authorized",
      );
      const source = make({ region: "us-east-1", endpoint: proxy.endpoint });
      const error = await sourceErrorOf(source.get("aws_default"));
      expect(error).toMatchObject({
        source: names.source,
        retryable: false,
        awsErrorName: "AccessDeniedException",
      });
      expect(error.message).toContain(names.target);
      expect(error.message).toContain("not authorized");
      expect(proxy.count(names.operation)).toBe(1);
    });

    it("throttling -> retried 3 times, then SourceError retryable", async () => {
      const proxy = await proxies.failing(400, "ThrottlingException", "Rate exceeded");
      const source = make({ region: "us-east-1", endpoint: proxy.endpoint });
      const error = await sourceErrorOf(source.get("x"));
      expect(error).toMatchObject({ retryable: true, awsErrorName: "ThrottlingException" });
      expect(proxy.count()).toBe(3);
    });
  });

  describe("an endpoint that is down never hangs a lookup", () => {
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

    const faults: FaultProxy[] = [];
    afterEach(async () => {
      await Promise.all(faults.splice(0).map((p) => p.close()));
    });
    for (const [label, fault] of [
      ["headers, then the body trickles (1 byte / 200 ms)", { trickle: 200 }],
      ["headers, then silence", "stallAfterHeaders"],
    ] as const) {
      it(`${label} -> TimeoutError SourceError after maxAttempts x requestTimeoutMs`, async () => {
        const proxy = await startFaultProxy({ target: motoEndpoint(), script: () => fault });
        faults.push(proxy);
        const t = { requestTimeoutMs: 300, maxAttempts: 2 };
        const source = make({ region: "us-east-1", endpoint: proxy.endpoint, ...t });
        const started = performance.now();
        const error = await sourceErrorOf(source.get("x"));
        const elapsed = performance.now() - started;
        expect(error).toMatchObject({ retryable: true, awsErrorName: "TimeoutError", source: names.source });
        expect(proxy.count()).toBe(2);
        expect(elapsed).toBeGreaterThanOrEqual(2 * 300 - 50);
        expect(elapsed).toBeLessThan(2 * 300 + 3000);
      });
    }

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
