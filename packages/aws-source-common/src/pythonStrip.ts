// Python's str.strip() whitespace: JavaScript's plus the four separators \x1c-\x1f.
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python strips \x1c-\x1f too
const PY_STRIP = /^[\s\x1c-\x1f]+|[\s\x1c-\x1f]+$/g;

/**
 * Strips a stored value as Airflow's `str.strip()` does: JavaScript's whitespace plus the
 * separators `\x1c`-`\x1f`, which Python also counts as whitespace.
 *
 * @example
 * ```ts
 * pythonStrip("\x1f aws://h \n"); // "aws://h"
 * ```
 */
export function pythonStrip(text: string): string {
  return text.replace(PY_STRIP, "");
}
