import { ConfigError, PYTHON_WHITESPACE } from "@awsconn/core";

/**
 * The character rules the Python-regex translator ({@link translatePythonRegex}) shares between
 * atoms and character classes: how a code point is written in a JavaScript `u` pattern, Python's
 * Unicode categories (`\w`, `\d`, `\s` of a `str` pattern) as JavaScript class bodies, and the
 * code points whose case-insensitive matching differs between Python 3.11 and JavaScript.
 */

/** Python's `\w` for `str` patterns (`str.isalnum()` or `_`), as a JavaScript class body. */
export const PY_WORD_BODY = String.raw`\p{L}\p{N}_`;
/** Python's `\d` for `str` patterns (Unicode decimal digits, `Nd`), as a JavaScript class body. */
export const PY_DIGIT_BODY = String.raw`\p{Nd}`;

/**
 * The Turkish dotted and dotless i: Python's IGNORECASE makes `I`, `i`, `İ` (U+0130) and `ı`
 * (U+0131) one class (`İ`.lower() is `i`, and `re` adds `ı` as an extra case of `i`); JavaScript's
 * case folding keeps `İ` and `ı` apart. The translator writes any of them as all four.
 */
export const TURKISH_I = [0x49, 0x69, 0x130, 0x131] as const;

/**
 * Code points that have a case partner in JavaScript's Unicode tables (Unicode 15 and later) but
 * none in Python 3.11's (Unicode 14.0): under IGNORECASE JavaScript would match the partner too,
 * so a pattern that names one of them is refused.
 */
const CASED_AFTER_UNICODE_14: readonly (readonly [number, number])[] = [
  [0x19b, 0x19b],
  [0x264, 0x264],
  [0x1c89, 0x1c8a],
  [0xa7cb, 0xa7cf],
  [0xa7d2, 0xa7d5],
  [0xa7da, 0xa7dc],
  [0x10d50, 0x10d65],
  [0x10d70, 0x10d85],
  [0x16ea0, 0x16eb8],
  [0x16ebb, 0x16ed3],
];

/**
 * A code point as JavaScript pattern text that stands for exactly that code point, in or out of
 * a class: ASCII letters, digits and `_` as they are, everything else as `\uXXXX` (a pair of
 * them for an astral code point, which the `u` flag reads as one).
 */
export function jsChar(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f)
    return String.fromCodePoint(cp);
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, "0")}`;
  const s = String.fromCodePoint(cp);
  return `\\u${s.charCodeAt(0).toString(16)}\\u${s.charCodeAt(1).toString(16)}`;
}

/** Python's `\s` (`str.isspace()`) as a JavaScript class body. */
export const PY_SPACE_BODY = [...PYTHON_WHITESPACE].map((c) => jsChar(c.codePointAt(0) as number)).join("");

/** Python's `\S`: every code point that is not `str.isspace()`, as a JavaScript class body. */
export const PY_NOT_SPACE_BODY = (() => {
  const spaces = [...PYTHON_WHITESPACE].map((c) => c.codePointAt(0) as number).sort((a, b) => a - b);
  let body = "";
  let from = 0;
  for (const cp of spaces) {
    if (cp > from) body += cp - 1 > from ? `${jsChar(from)}-${jsChar(cp - 1)}` : jsChar(from);
    from = cp + 1;
  }
  return `${body}${jsChar(from)}-${jsChar(0x10ffff)}`;
})();

/**
 * Refuses a literal or a range of a case-insensitive pattern that JavaScript would fold
 * differently from Python 3.11 (see {@link CASED_AFTER_UNICODE_14}); `lo === hi` for a literal.
 */
export function refuseNewlyCased(lo: number, hi: number, path: string): void {
  for (const [a, b] of CASED_AFTER_UNICODE_14) {
    for (let cp = Math.max(a, lo); cp <= Math.min(b, hi); cp++) {
      const c = String.fromCodePoint(cp);
      const partners = [c.toLowerCase(), c.toUpperCase()].filter((p) => p !== c && [...p].length === 1);
      if (partners.every((p) => (p.codePointAt(0) as number) >= lo && (p.codePointAt(0) as number) <= hi))
        continue;
      throw new ConfigError(
        `cannot be matched exactly as Python does: U+${cp.toString(16).toUpperCase().padStart(4, "0")} has a case partner in JavaScript's Unicode tables but not in Python 3.11's (Unicode 14.0), so IGNORECASE would match differently; write the pattern without it`,
        { path },
      );
    }
  }
}

/** Python's `\d \D \s \S \w` inside a class, as JavaScript class bodies (`\W` has none: see the class translator). */
export const CATEGORY_BODY: Readonly<Record<"d" | "D" | "s" | "S" | "w", string>> = {
  d: PY_DIGIT_BODY,
  D: String.raw`\P{Nd}`,
  s: PY_SPACE_BODY,
  S: PY_NOT_SPACE_BODY,
  w: PY_WORD_BODY,
};

/** Python's `\d \D \s \S \w \W` outside a class, each as one JavaScript atom. */
export const CATEGORY_ATOM: Readonly<Record<string, string>> = {
  d: `[${PY_DIGIT_BODY}]`,
  D: String.raw`\P{Nd}`,
  s: `[${PY_SPACE_BODY}]`,
  S: `[${PY_NOT_SPACE_BODY}]`,
  w: `[${PY_WORD_BODY}]`,
  W: `[^${PY_WORD_BODY}]`,
};
