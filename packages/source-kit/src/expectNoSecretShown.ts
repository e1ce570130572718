import { inspect } from "node:util";
import { expect } from "vitest";

/**
 * Every way a user could see or log a value: `util.inspect` (deep), `JSON.stringify`, `String`,
 * and for an error also its message and stack.
 *
 * @example
 * ```ts
 * renderings(new Error("boom")); // ["boom", "Error: boom\n    at ...", "{}", "Error: boom", "Error: boom\n    at ..."]
 * ```
 */
export function renderings(value: unknown): string[] {
  let json: string;
  try {
    json = JSON.stringify(value) ?? "";
  } catch {
    json = "";
  }
  const texts = [inspect(value, { depth: 20, showHidden: false }), json, String(value)];
  return value instanceof Error ? [value.message, ...texts, String(value.stack)] : texts;
}

/**
 * Asserts that no rendering of `value` (a hit, a connection, an error with its cause chain; see
 * {@link renderings}) contains any of the `secrets`: the planted-secret check of the contract suite.
 *
 * @example
 * ```ts
 * import { expectNoSecretShown, seededSecrets } from "@awsconn/source-kit";
 * expectNoSecretShown(await source.get("contract_pg"), seededSecrets(seed));
 * ```
 */
export function expectNoSecretShown(value: unknown, secrets: readonly string[]): void {
  for (const text of renderings(value)) for (const secret of secrets) expect(text).not.toContain(secret);
}
