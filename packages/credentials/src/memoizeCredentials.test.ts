import type { AwsCredentialIdentity } from "@smithy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_REFRESH_WINDOW_MS, memoizeCredentials } from "./memoizeCredentials.js";

const MINUTE = 60_000;

/** A provider whose calls are counted and resolved by hand, with a settable clock. */
function harness(lifetimeMs = 60 * MINUTE) {
  let clock = 1_000_000;
  let calls = 0;
  const pending: { resolve: (c: AwsCredentialIdentity) => void; reject: (e: unknown) => void }[] = [];
  const provider = () =>
    new Promise<AwsCredentialIdentity>((resolve, reject) => {
      calls += 1;
      pending.push({ resolve, reject });
    });
  const issue = (n: number): AwsCredentialIdentity => ({
    accessKeyId: `AKID${n}`,
    secretAccessKey: `secret${n}`,
    expiration: new Date(clock + lifetimeMs),
  });
  const memo = memoizeCredentials(provider, { now: () => clock });
  return {
    memo,
    calls: () => calls,
    settle: (n: number) => pending.shift()!.resolve(issue(n)),
    fail: (e: unknown) => pending.shift()!.reject(e),
    advance: (ms: number) => {
      clock += ms;
    },
    flush: () => new Promise((r) => setImmediate(r)),
  };
}

// The SDK's memoize is loaded on the first call of any memoized provider; load it once before the
// cases below, whose hand-driven providers are checked one macrotask after being called.
beforeAll(async () => {
  await memoizeCredentials(async () => ({ accessKeyId: "A", secretAccessKey: "S" }))();
});

describe("memoizeCredentials", () => {
  it("1,000 concurrent first callers share one fetch", async () => {
    const h = harness();
    const all = Promise.all(Array.from({ length: 1000 }, () => h.memo()));
    await h.flush();
    expect(h.calls()).toBe(1);
    h.settle(1);
    const results = await all;
    expect(new Set(results.map((c) => c.accessKeyId))).toEqual(new Set(["AKID1"]));
    expect(h.calls()).toBe(1);
  });

  it("reuses credentials until 5 minutes before expiry, then 1,000 concurrent callers share one refresh", async () => {
    const h = harness(60 * MINUTE);
    const first = h.memo();
    await h.flush();
    h.settle(1);
    await first;

    h.advance(60 * MINUTE - DEFAULT_REFRESH_WINDOW_MS - 1); // 1 ms before the refresh window
    expect((await h.memo()).accessKeyId).toBe("AKID1");
    expect(h.calls()).toBe(1);

    h.advance(1); // exactly 5 minutes before expiry
    const all = Promise.all(Array.from({ length: 1000 }, () => h.memo()));
    await h.flush();
    expect(h.calls()).toBe(2);
    h.settle(2);
    const results = await all;
    expect(results.every((c) => c.accessKeyId === "AKID2")).toBe(true);
    expect(h.calls()).toBe(2);
    expect((await h.memo()).accessKeyId).toBe("AKID2");
    expect(h.calls()).toBe(2);
  });

  it("keeps credentials without expiration for good", async () => {
    let calls = 0;
    const memo = memoizeCredentials(async () => {
      calls += 1;
      return { accessKeyId: "A", secretAccessKey: "S" };
    });
    await memo();
    await memo();
    expect(calls).toBe(1);
  });

  it("serves still-valid credentials when a refresh fails, and tries again on the next call", async () => {
    const h = harness(60 * MINUTE);
    const first = h.memo();
    await h.flush();
    h.settle(1);
    await first;
    h.advance(57 * MINUTE); // inside the window, not expired
    const during = h.memo();
    await h.flush();
    h.fail(new Error("throttled"));
    expect((await during).accessKeyId).toBe("AKID1");
    const next = h.memo();
    await h.flush();
    expect(h.calls()).toBe(3);
    h.settle(3);
    expect((await next).accessKeyId).toBe("AKID3");
  });

  it("rejects every waiting caller when nothing valid is cached, and recovers afterwards", async () => {
    const h = harness();
    const waiting = Array.from({ length: 10 }, () => h.memo());
    await h.flush();
    const boom = new Error("denied");
    h.fail(boom);
    for (const w of waiting) await expect(w).rejects.toBe(boom);
    expect(h.calls()).toBe(1);
    const again = h.memo();
    await h.flush();
    h.settle(2);
    expect((await again).accessKeyId).toBe("AKID2");
  });

  it("rejects after expiry when the refresh fails", async () => {
    const h = harness(60 * MINUTE);
    const first = h.memo();
    await h.flush();
    h.settle(1);
    await first;
    h.advance(61 * MINUTE);
    const late = h.memo();
    await h.flush();
    h.fail(new Error("down"));
    await expect(late).rejects.toThrow("down");
  });

  it("fetches anew on forceRefresh", async () => {
    const h = harness();
    const first = h.memo();
    await h.flush();
    h.settle(1);
    await first;
    const forced = h.memo({ forceRefresh: true });
    await h.flush();
    h.settle(2);
    expect((await forced).accessKeyId).toBe("AKID2");
  });

  it("recovers from a provider that throws synchronously", async () => {
    let n = 0;
    const memo = memoizeCredentials(() => {
      n += 1;
      if (n === 1) throw new Error("sync");
      return Promise.resolve({ accessKeyId: "A", secretAccessKey: "S" });
    });
    await expect(memo()).rejects.toThrow("sync");
    expect((await memo()).accessKeyId).toBe("A");
  });
});
