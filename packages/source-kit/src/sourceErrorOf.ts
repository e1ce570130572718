import { SourceError } from "@awsconn/core";
import { expect } from "vitest";

/**
 * The `SourceError` a promise rejects with; the test fails when it resolves or rejects with
 * anything else.
 *
 * @example
 * ```ts
 * const error = await sourceErrorOf(source.get("x"));
 * expect(error.retryable).toBe(true);
 * ```
 */
export async function sourceErrorOf(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}
