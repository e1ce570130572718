import type { PythonRegexCursor } from "./PythonRegexCursor.js";

/** The inline flag letters Python's `re` knows. */
export const PY_FLAG_LETTERS = "iLmsxatu";

/** What `(?...)` turns on (`add`) and off (`del`); `global` for `(?i)` without a body. */
export interface InlineFlags {
  add: string;
  del: string;
  global: boolean;
}

/**
 * Python's `_parse_flags`, the first letter read: the flags of `(?imsx)` (global: it ends at
 * `)`) or of `(?imsx-imsx:...)` (scoped), with Python's errors for bad combinations.
 *
 * @example
 * ```ts
 * readInlineFlags(cursorAfter("(?s-m:"), "s"); // { add: "s", del: "m", global: false }
 * ```
 */
export function readInlineFlags(src: PythonRegexCursor, first: string): InlineFlags {
  let add = "";
  let del = "";
  let c: string | undefined = first;
  if (c !== "-") {
    for (;;) {
      if (c === "L") throw src.rejects("bad inline flags: cannot use 'L' flag with a str pattern");
      add += c;
      if (/[au].*[au]/.test(add) && new Set(add.replace(/[^au]/g, "")).size > 1)
        throw src.rejects("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      c = src.get();
      if (c === undefined) throw src.rejects("missing -, : or )");
      if (")-:".includes(c)) break;
      if (!PY_FLAG_LETTERS.includes(c))
        throw src.rejects(/\p{L}/u.test(c) ? "unknown flag" : "missing -, : or )");
    }
  }
  if (c === ")") return { add, del, global: true };
  if (add.includes("t")) throw src.rejects("bad inline flags: cannot turn on global flag");
  if (c === "-") {
    c = src.get();
    if (c === undefined) throw src.rejects("missing flag");
    if (!PY_FLAG_LETTERS.includes(c)) throw src.rejects(/\p{L}/u.test(c) ? "unknown flag" : "missing flag");
    for (;;) {
      if ("auL".includes(c)) throw src.rejects("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      del += c;
      c = src.get();
      if (c === undefined) throw src.rejects("missing :");
      if (c === ":") break;
      if (!PY_FLAG_LETTERS.includes(c)) throw src.rejects(/\p{L}/u.test(c) ? "unknown flag" : "missing :");
    }
  }
  if (del.includes("t")) throw src.rejects("bad inline flags: cannot turn off global flag");
  if ([...add].some((f) => del.includes(f))) throw src.rejects("bad inline flags: flag turned on and off");
  return { add, del, global: false };
}

/**
 * Refuses the modes JavaScript cannot reproduce: VERBOSE (`x`), ASCII (`a`), TEMPLATE (`t`).
 *
 * @example
 * ```ts
 * refuseFlagModes(cursor, "x"); // throws ConfigError: ... the VERBOSE flag (?x) ...
 * ```
 */
export function refuseFlagModes(src: PythonRegexCursor, letters: string): void {
  if (letters.includes("x"))
    throw src.refuses("the VERBOSE flag (?x)", "write the pattern without whitespace and comments");
  if (letters.includes("a"))
    throw src.refuses("the ASCII flag (?a)", "JavaScript's IGNORECASE folds non-ASCII letters too");
  if (letters.includes("t")) throw src.refuses("the TEMPLATE flag (?t)", "deprecated in Python 3.11");
}
