import { expect } from "vitest";
import { renderings } from "./expectNoSecretShown.js";

/**
 * Asserts that no rendering of `error` a user could see or log contains `secret`: its message,
 * `util.inspect` (plain, `showHidden`, and `customInspect: false` as `console.dir` prints it),
 * `util.format("%o")`, `JSON.stringify`, `String`, its stack, and the message and stack of every
 * error along its `cause` chain (see {@link renderings}).
 *
 * @example
 * ```ts
 * const error = await source.get("bad_port").catch((e: unknown) => e);
 * expectErrorHidesSecret(error, "hunter2-secret");
 * ```
 */
export function expectErrorHidesSecret(error: Error, secret: string): void {
  for (const text of renderings(error)) expect(text).not.toContain(secret);
}
