/**
 * Quotes a value for a POSIX shell so that `eval` sees exactly that one word: single quotes
 * around it, each `'` written as `'\''`. Values made only of safe characters stay bare.
 *
 * @example
 * ```ts
 * shellQuote("abc");        // abc
 * shellQuote("a'b $(x)");   // 'a'\''b $(x)'
 * ```
 */
export function shellQuote(value: string): string {
  if (value !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
