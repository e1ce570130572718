import { format, inspect } from "node:util";
import { expect } from "vitest";

/**
 * Every way a user could see or log a value: `util.inspect` (deep; with `showHidden`; with
 * `customInspect: false`, as `console.dir` prints), `util.format("%o")`, `JSON.stringify`, `String`,
 * and the message and stack of each error along its `cause` chain.
 *
 * @example
 * ```ts
 * renderings(new Error("boom")); // ["Error: boom\n    at ...", ..., "{}", "Error: boom", "boom", "Error: boom\n    at ..."]
 * ```
 */
export function renderings(value: unknown): string[] {
  let json: string;
  try {
    json = JSON.stringify(value) ?? "";
  } catch {
    json = "";
  }
  const texts = [
    inspect(value, { depth: 20, showHidden: false }),
    inspect(value, { depth: 20, showHidden: true }),
    inspect(value, { depth: 20, customInspect: false }), // what console.dir prints
    format("%o", value),
    json,
    safeString(value),
  ];
  // Every error along the cause chain, as a logger that walks `cause` would print it.
  let error: unknown = value;
  for (let depth = 0; depth < 10 && error !== undefined && error !== null; depth++) {
    if (error instanceof Error) texts.push(error.message, String(error.stack));
    else texts.push(safeString(error));
    error = (error as { cause?: unknown }).cause;
  }
  return texts;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
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
