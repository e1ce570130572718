/**
 * The characters of Python's `str.isspace()`: what `str.strip()`, `str.split()`, `int()` and the
 * `re` module's `\s` treat as whitespace. It differs from JavaScript's `\s` / `String.prototype.trim`:
 * it has the separators `\x1c`-`\x1f` and NEXT LINE (U+0085), and not the byte-order mark (U+FEFF).
 */
export const PYTHON_WHITESPACE =
  "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

/**
 * True when `ch` (one UTF-16 unit) is whitespace to Python (`ch.isspace()`).
 *
 * @example
 * ```ts
 * isPythonWhitespace("\x85");   // true
 * isPythonWhitespace("\ufeff"); // false
 * ```
 */
export function isPythonWhitespace(ch: string): boolean {
  return ch.length === 1 && PYTHON_WHITESPACE.includes(ch);
}

/**
 * Python's `str.strip(chars)`: the characters of `chars` removed from both ends; with no `chars`,
 * Python's whitespace ({@link PYTHON_WHITESPACE}), as `str.strip()`. Airflow strips every stored
 * connection value this way before deciding between URI and JSON.
 *
 * @example
 * ```ts
 * pythonStrip("\x1f\x85 aws://h \n");   // "aws://h"
 * pythonStrip("\ufeffaws://h");         // "\ufeffaws://h" (Python keeps a byte-order mark)
 * pythonStrip("//a//", "/");            // "a"
 * ```
 */
export function pythonStrip(text: string, chars: string = PYTHON_WHITESPACE): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start] as string)) start++;
  while (end > start && chars.includes(text[end - 1] as string)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
