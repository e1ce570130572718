import { inspect } from "node:util";
import { expect } from "vitest";

/**
 * Asserts that no rendering of `error` a user could see or log (its message, `util.inspect` with
 * its cause chain, `JSON.stringify`, its stack) contains `secret`.
 *
 * @example
 * ```ts
 * const error = await source.get("bad_port").catch((e: unknown) => e);
 * expectErrorHidesSecret(error, "hunter2-secret");
 * ```
 */
export function expectErrorHidesSecret(error: Error, secret: string): void {
  for (const text of [
    error.message,
    inspect(error, { depth: 10 }),
    JSON.stringify(error),
    String(error.stack),
  ]) {
    expect(text).not.toContain(secret);
  }
}
