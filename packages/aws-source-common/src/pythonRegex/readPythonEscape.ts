import type { PythonRegexCursor } from "./PythonRegexCursor.js";
import { isOctalDigit } from "./PythonRegexCursor.js";
import { CATEGORY_ATOM, PY_WORD_BODY } from "./pythonRegexChars.js";

/** What an escape outside a class stands for. */
export type PythonEscape =
  | { kind: "at"; src: string }
  | { kind: "category"; src: string }
  | { kind: "literal"; cp: number }
  | { kind: "reference"; group: number };

const PY_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
const W = `[${PY_WORD_BODY}]`;
const BOUNDARY = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
// Python's \B never matches in an empty string.
const NON_BOUNDARY = String.raw`(?:(?<=${W})(?=${W})|(?<!${W})(?!${W})(?:(?<=[\s\S])|(?=[\s\S])))`;
const AT: Record<string, string> = { A: "^", Z: "$", b: BOUNDARY, B: NON_BOUNDARY };

/**
 * An escape outside a class (the backslash read), as Python's `_escape`: `\A \Z \b \B` (with
 * Unicode word characters), the categories, `\a \f \n \r \t \v`, `\x \u \U`, octal `\0..` and
 * `\ooo`, group references `\1`-`\99` (to one of the `groups` opened so far), Python's
 * "bad escape" for other ASCII letters, any other character as itself.
 *
 * @example
 * ```ts
 * readPythonEscape(cursorAfter("\\Z"), 0); // { kind: "at", src: "$" }
 * ```
 */
export function readPythonEscape(src: PythonRegexCursor, groups: number): PythonEscape {
  const start = src.pos - 1;
  const letter = src.get();
  if (letter === undefined) throw src.rejects("bad escape (end of pattern)", start);
  const at = AT[letter];
  if (at) return { kind: "at", src: at };
  const category = CATEGORY_ATOM[letter];
  if (category) return { kind: "category", src: category };
  const known = PY_ESCAPES[letter];
  if (known !== undefined) return { kind: "literal", cp: known };
  const cp = src.numericEscape(letter);
  if (cp !== undefined) return { kind: "literal", cp };
  if (letter === "0") return { kind: "literal", cp: src.octal("0", 2) };
  if (/^[1-9]$/.test(letter)) {
    let text = letter;
    if (src.next !== undefined && /^[0-9]$/.test(src.next)) {
      text += src.get();
      if (isOctalDigit(text[0]) && isOctalDigit(text[1]) && isOctalDigit(src.next)) {
        text += src.get();
        const value = Number.parseInt(text, 8);
        if (value > 0o377) throw src.rejects(`octal escape value \\${text} outside of range 0-0o377`, start);
        return { kind: "literal", cp: value };
      }
    }
    const group = Number(text);
    if (group > groups) throw src.rejects(`invalid group reference ${group}`, start + 1);
    return { kind: "reference", group };
  }
  const bad = src.badLetter(letter);
  if (bad) throw bad;
  return { kind: "literal", cp: letter.codePointAt(0) as number };
}
