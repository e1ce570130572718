import type { PythonRegexCursor } from "./PythonRegexCursor.js";
import { isOctalDigit, isSurrogate } from "./PythonRegexCursor.js";
import { CATEGORY_BODY, jsChar, PY_WORD_BODY, refuseNewlyCased, TURKISH_I } from "./pythonRegexChars.js";

type ClassItem =
  | { kind: "char"; cp: number }
  | { kind: "range"; lo: number; hi: number }
  | { kind: "category"; letter: "d" | "D" | "s" | "S" | "w" | "W" };

const CLASS_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
const CATEGORY = /^[dDsSwW]$/;

/** One escape inside `[...]` (the backslash and `letter` read), as Python's `_class_escape`. */
function classEscape(src: PythonRegexCursor, letter: string): ClassItem {
  const known = CLASS_ESCAPES[letter];
  if (known !== undefined) return { kind: "char", cp: known };
  if (CATEGORY.test(letter)) return { kind: "category", letter: letter as "w" };
  const cp = src.numericEscape(letter);
  if (cp !== undefined) return { kind: "char", cp };
  if (isOctalDigit(letter)) return { kind: "char", cp: src.octal(letter, 2) };
  if (/^[89]$/.test(letter)) throw src.rejects(`bad escape \\${letter}`, src.pos - 2);
  const bad = src.badLetter(letter);
  if (bad) throw bad;
  return { kind: "char", cp: letter.codePointAt(0) as number };
}

/** Reads one member: a character, an escape; `undefined` at the end of the pattern. */
function member(src: PythonRegexCursor): { item: ClassItem; text: string } | undefined {
  const start = src.pos;
  const ch = src.get();
  if (ch === undefined) return undefined;
  if (ch !== "\\") return { item: { kind: "char", cp: ch.codePointAt(0) as number }, text: ch };
  const letter = src.get();
  if (letter === undefined) throw src.rejects("bad escape (end of pattern)", start);
  return { item: classEscape(src, letter), text: src.cps.slice(start, src.pos).join("") };
}

/**
 * A character class `[...]` (the `[` read), as Python 3.11's parser reads it (`]` first is a
 * literal, `[` inside is a literal, `-` at either end is a literal, a range needs two characters
 * in order), written as one JavaScript atom. Under IGNORECASE the Turkish i's travel together
 * ({@link TURKISH_I}); `\W` inside is written as an alternation (a `u` class cannot hold the
 * complement of a union).
 */
export function translatePythonClass(src: PythonRegexCursor, ignoreCase: boolean): string {
  const here = src.pos - 1;
  const negate = src.match("^");
  const items: ClassItem[] = [];
  for (;;) {
    if (src.next === "]" && items.length > 0) {
      src.get();
      break;
    }
    const first = member(src);
    if (!first) throw src.rejects("unterminated character set", here);
    if (!src.match("-")) {
      items.push(first.item);
      continue;
    }
    if (src.next === undefined) throw src.rejects("unterminated character set", here);
    if (src.next === "]") {
      src.get();
      items.push(first.item, { kind: "char", cp: 0x2d });
      break;
    }
    const second = member(src) as { item: ClassItem; text: string };
    if (first.item.kind !== "char" || second.item.kind !== "char" || second.item.cp < first.item.cp)
      throw src.rejects(
        `bad character range ${first.text}-${second.text}`,
        src.pos - first.text.length - second.text.length - 1,
      );
    items.push({ kind: "range", lo: first.item.cp, hi: second.item.cp });
  }
  return classSource(items, negate, ignoreCase, src);
}

function classSource(
  items: ClassItem[],
  negate: boolean,
  ignoreCase: boolean,
  src: PythonRegexCursor,
): string {
  let body = "";
  let notWord = false;
  let turkish = false;
  for (const item of items) {
    if (item.kind === "category") {
      if (item.letter === "W") notWord = true;
      else body += CATEGORY_BODY[item.letter];
      continue;
    }
    const [lo, hi] = item.kind === "char" ? [item.cp, item.cp] : [item.lo, item.hi];
    if (isSurrogate(lo) || isSurrogate(hi))
      throw src.refuses(
        "a lone surrogate in a character class",
        "JavaScript would read two of them as one code point",
      );
    if (ignoreCase) {
      refuseNewlyCased(lo, hi, src.path);
      if (TURKISH_I.some((cp) => cp >= lo && cp <= hi)) turkish = true;
    }
    body += lo === hi ? jsChar(lo) : `${jsChar(lo)}-${jsChar(hi)}`;
  }
  if (turkish) body += TURKISH_I.map(jsChar).join("");
  const nonWord = `[^${PY_WORD_BODY}]`;
  if (!notWord) return negate ? `[^${body}]` : `[${body}]`;
  const any = body ? `(?:[${body}]|${nonWord})` : nonWord;
  return negate ? `(?:(?!${any})[\\s\\S])` : any;
}
