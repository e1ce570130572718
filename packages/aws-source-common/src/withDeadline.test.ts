import { describe, expect, it } from "vitest";
import { callDeadlineMs } from "./callDeadlineMs.js";
import { withDeadline } from "./withDeadline.js";

describe("withDeadline", () => {
  it("gives the result of a call that ends in time", async () => {
    await expect(withDeadline(1000, undefined, async () => "ok")).resolves.toBe("ok");
  });

  it("rejects a call that never ends with a TimeoutError at the deadline, and aborts its signal", async () => {
    let given: AbortSignal | undefined;
    const error = await withDeadline(200, undefined, (signal) => {
      given = signal;
      return new Promise<never>(() => undefined);
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError", code: "ETIMEDOUT" });
    expect((error as Error).message).toContain("within 200 ms");
    expect(given?.aborted).toBe(true);
  });

  it("the caller's abort wins with the caller's reason, and reaches the call's signal", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    let given: AbortSignal | undefined;
    setTimeout(() => controller.abort(reason), 20);
    await expect(
      withDeadline(5000, controller.signal, (signal) => {
        given = signal;
        return new Promise<never>(() => undefined);
      }),
    ).rejects.toBe(reason);
    expect(given?.aborted).toBe(true);
    const aborted = AbortSignal.abort(reason);
    await expect(withDeadline(5000, aborted, async () => "never")).rejects.toBe(reason);
  });

  it("a call that throws at once rejects with its error", async () => {
    const boom = new Error("boom");
    await expect(
      withDeadline(1000, undefined, () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });
});

describe("callDeadlineMs", () => {
  it("is attempts x (connect + request) + 3 s: 15 s with the defaults", () => {
    expect(callDeadlineMs({})).toBe(15_000);
    expect(callDeadlineMs({ connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 2 })).toBe(5000);
  });
});
