import { expect } from "vitest";

/**
 * Asserts that `call(signal)` with an already-aborted signal rejects with the signal's own reason
 * (and, aborted without a reason, with an `AbortError`), before any backend lookup when
 * `lookups` is given.
 *
 * @example
 * ```ts
 * import { expectAbortBeforeLookup } from "@awsconn/source-kit";
 * await expectAbortBeforeLookup((signal) => source.get("warehouse", { signal }), () => calls);
 * ```
 */
export async function expectAbortBeforeLookup(
  call: (signal: AbortSignal) => Promise<unknown> | AsyncIterable<unknown>,
  lookups?: () => number,
): Promise<void> {
  const before = lookups?.();
  const reason = new Error("source-kit: aborted by the caller");
  await expect(settle(() => call(AbortSignal.abort(reason)))).rejects.toBe(reason);
  const error = await settle(() => call(AbortSignal.abort())).catch((e: unknown) => e);
  expect((error as Error | undefined)?.name).toBe("AbortError");
  if (lookups) expect(lookups()).toBe(before);
}

// A promise, or an async iterable drained to its end.
async function settle(call: () => Promise<unknown> | AsyncIterable<unknown>): Promise<void> {
  const result = call();
  if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    for await (const _ of result as AsyncIterable<unknown>) {
      // drain
    }
    return;
  }
  await result;
}
