import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";
import { describe, expect, it } from "vitest";
import {
  authErrorRetryExtension,
  type RenewableCredentials,
  renewingRetryStrategy,
} from "./authErrorRetry.js";
import { isAuthError } from "./isAuthError.js";

/** A retry strategy that retries CLIENT_ERROR never and anything else up to `maxAttempts`. */
function innerStrategy(maxAttempts = 3) {
  const seen: RetryErrorInfo["errorType"][] = [];
  const token = (count: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => 0 });
  const strategy: RetryStrategyV2 = {
    acquireInitialRetryToken: async () => token(0),
    async refreshRetryTokenForRetry(t, info) {
      seen.push(info.errorType);
      if (info.errorType === "CLIENT_ERROR" || t.getRetryCount() + 1 >= maxAttempts)
        throw new Error("no retry");
      return token(t.getRetryCount() + 1);
    },
    recordSuccess() {},
  };
  return { strategy, seen };
}

/** Credentials whose keys change when `rotate()` was called and a forced refresh comes. */
function renewable() {
  let generation = 1;
  let pending = false;
  let forced = 0;
  const credentials = Object.assign(
    async (properties?: Record<string, unknown>) => {
      if (properties?.forceRefresh) {
        forced++;
        if (pending) generation++;
        pending = false;
      }
      return { accessKeyId: `AKIA${generation}`, secretAccessKey: "s" };
    },
    { generation: () => generation },
  ) as RenewableCredentials;
  return {
    credentials,
    rotate: () => {
      pending = true;
    },
    rotateNow: () => {
      generation++;
    },
    forced: () => forced,
  };
}

/** An error as the SDK throws it (the name is the AWS error code). */
const sdkError = (name: string, message = "The security token included in the request is invalid.") =>
  Object.assign(new Error(message), { name, $metadata: {} }) as unknown as NonNullable<
    RetryErrorInfo["error"]
  >;

const authError = (name = "InvalidClientTokenId"): RetryErrorInfo => ({
  errorType: "CLIENT_ERROR",
  error: sdkError(name),
});

describe("isAuthError", () => {
  it("knows the codes AWS refuses credentials with, and leaves clock skew and permissions out", () => {
    for (const name of [
      "InvalidClientTokenId",
      "SignatureDoesNotMatch",
      "UnrecognizedClientException",
      "ExpiredToken",
      "ExpiredTokenException",
      "InvalidAccessKeyId",
    ])
      expect(isAuthError({ name, message: "x" })).toBe(true);
    expect(
      isAuthError({
        name: "InvalidSignatureException",
        message: "Signature expired: 20260101T000000Z is now earlier than ...",
      }),
    ).toBe(false);
    expect(isAuthError({ name: "AccessDeniedException", message: "x" })).toBe(false);
    expect(isAuthError("InvalidClientTokenId")).toBe(false);
    expect(isAuthError(null)).toBe(false);
  });
});

describe("renewingRetryStrategy", () => {
  it("an auth error with rotated keys: one forced refresh, then the SDK's strategy retries it as transient", async () => {
    const inner = innerStrategy();
    const c = renewable();
    const strategy = renewingRetryStrategy(inner.strategy, c.credentials);
    const t0 = await strategy.acquireInitialRetryToken("");
    c.rotate();
    const t1 = await strategy.refreshRetryTokenForRetry(t0, authError());
    expect(t1.getRetryCount()).toBe(1);
    expect([c.forced(), inner.seen]).toEqual([1, ["TRANSIENT"]]);
  });

  it("same keys after the refresh: the auth error goes to the caller, without a retry", async () => {
    const inner = innerStrategy();
    const c = renewable();
    const strategy = renewingRetryStrategy(inner.strategy, c.credentials);
    const error = authError("SignatureDoesNotMatch");
    await expect(
      strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(""), error),
    ).rejects.toBe(error.error);
    expect([c.forced(), inner.seen]).toEqual([1, []]);
  });

  it("a second auth error in the same operation is not renewed again (no loop), even after a throttling retry", async () => {
    const inner = innerStrategy(5);
    const c = renewable();
    const strategy = renewingRetryStrategy(inner.strategy, c.credentials);
    c.rotate();
    const t1 = await strategy.refreshRetryTokenForRetry(
      await strategy.acquireInitialRetryToken(""),
      authError(),
    );
    const t2 = await strategy.refreshRetryTokenForRetry(t1, {
      errorType: "THROTTLING",
      error: sdkError("ThrottlingException", "slow down"),
    });
    c.rotate();
    await expect(strategy.refreshRetryTokenForRetry(t2, authError())).rejects.toThrow("no retry");
    expect([c.forced(), inner.seen]).toEqual([1, ["TRANSIENT", "THROTTLING", "CLIENT_ERROR"]]);
  });

  it("keys already changed since the attempt was signed (another request renewed them): retried without a refresh", async () => {
    const inner = innerStrategy();
    const c = renewable();
    const strategy = renewingRetryStrategy(inner.strategy, c.credentials);
    const t0 = await strategy.acquireInitialRetryToken("");
    c.rotateNow();
    await strategy.refreshRetryTokenForRetry(t0, authError("ExpiredToken"));
    expect([c.forced(), inner.seen]).toEqual([0, ["TRANSIENT"]]);
  });

  it("other errors are the SDK strategy's alone", async () => {
    const inner = innerStrategy();
    const c = renewable();
    const strategy = renewingRetryStrategy(inner.strategy, c.credentials);
    await expect(
      strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(""), {
        errorType: "CLIENT_ERROR",
        error: sdkError("AccessDeniedException", "denied"),
      }),
    ).rejects.toThrow("no retry");
    expect(c.forced()).toBe(0);
  });
});

describe("authErrorRetryExtension", () => {
  it("wraps the client's retry strategy provider once; a legacy strategy is left alone", async () => {
    const c = renewable();
    const inner = innerStrategy();
    let set: (() => Promise<unknown>) | undefined;
    let calls = 0;
    authErrorRetryExtension(c.credentials).configure({
      retryStrategy: () => async () => {
        calls++;
        return inner.strategy;
      },
      setRetryStrategy: (s: unknown) => {
        set = s as () => Promise<unknown>;
      },
    } as never);
    // retryStrategy() returned a provider function: the wrapper calls it once
    const wrapped = (await set?.()) as RetryStrategyV2;
    expect(await set?.()).toBe(wrapped);
    expect(typeof wrapped.acquireInitialRetryToken).toBe("function");
    expect(wrapped).not.toBe(inner.strategy);

    const legacy = { mode: "legacy", retry: async () => undefined };
    authErrorRetryExtension(c.credentials).configure({
      retryStrategy: () => async () => legacy,
      setRetryStrategy: (s: unknown) => {
        set = s as () => Promise<unknown>;
      },
    } as never);
    expect(await set?.()).toBe(legacy);
    expect(calls).toBe(1);
  });
});
