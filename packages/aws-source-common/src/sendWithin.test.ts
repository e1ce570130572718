import { afterEach, describe, expect, it, vi } from "vitest";
import { type SdkCommand, sendWithin } from "./sendWithin.js";

const command = { resolveMiddleware: () => async () => ({ output: "out" }) } as unknown as SdkCommand<string>;

/** A stand-in client recording how send was called; `answer` decides what send returns. */
function client(cacheMiddleware: boolean, answer: () => Promise<string>) {
  const calls: unknown[][] = [];
  return {
    calls,
    config: { cacheMiddleware },
    send: (...args: unknown[]) => {
      calls.push(args);
      return answer();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("sendWithin", () => {
  it("sends awsconn's own clients (cacheMiddleware) the command alone, so the SDK's middleware cache holds", async () => {
    const c = client(true, async () => "out");
    await expect(sendWithin(c, command, 1000, new AbortController().signal)).resolves.toBe("out");
    expect(c.calls).toEqual([[command]]);
  });

  it("other clients get an abortSignal, aborted at the deadline", async () => {
    vi.useFakeTimers();
    const c = client(false, () => new Promise<never>(() => undefined));
    const pending = sendWithin(c, command, 15_000, undefined).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await pending).toMatchObject({ name: "TimeoutError", code: "ETIMEDOUT" });
    const options = c.calls[0]?.[1] as { abortSignal: AbortSignal };
    expect(options.abortSignal.aborted).toBe(true);
  });

  it("ends a call that never answers at the deadline, and a caller's abort with its reason", async () => {
    vi.useFakeTimers();
    const c = client(true, () => new Promise<never>(() => undefined));
    const late = sendWithin(c, command, 15_000, undefined).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(14_999);
    const controller = new AbortController();
    const aborted = sendWithin(c, command, 15_000, controller.signal).catch((e: unknown) => e);
    const reason = new Error("caller gave up");
    controller.abort(reason);
    expect(await aborted).toBe(reason);
    await vi.advanceTimersByTimeAsync(1);
    expect(await late).toMatchObject({ name: "TimeoutError", code: "ETIMEDOUT" });
    await expect(sendWithin(c, command, 15_000, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(c.calls).toHaveLength(2); // an already aborted signal sends nothing
  });

  it("passes the call's own failure through", async () => {
    const boom = new Error("boom");
    await expect(
      sendWithin(
        client(true, () => Promise.reject(boom)),
        command,
        1000,
        undefined,
      ),
    ).rejects.toBe(boom);
  });
});
