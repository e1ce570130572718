import { CodecProblem } from "./CodecProblem.js";

/**
 * A JSON value as Python's `json.loads` gives it, keeping what a JavaScript object loses:
 * key order (a `Map`, first-insertion position, last value wins), exact integers (`int` keeps
 * its decimal text) and the int/float distinction (`1` vs `1.0`). Private to the codec.
 */
export type PyValue =
  | { readonly t: "null" }
  | { readonly t: "bool"; readonly v: boolean }
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "int"; readonly v: string }
  | { readonly t: "float"; readonly v: number }
  | { readonly t: "list"; readonly v: PyValue[] }
  | { readonly t: "dict"; readonly v: Map<string, PyValue> };

/** Deeper nesting than this is refused (Airflow 3 on Python 3.11 raises RecursionError from about 985 levels). */
export const MAX_JSON_DEPTH = 980;

const NULL: PyValue = { t: "null" };

/** Thrown instead of a CodecProblem when the caller only asks "is this JSON?" (no Error, no stack). */
const NOT_JSON: unique symbol = Symbol("not JSON");
let quiet = false;

function fail(what: string, text: string, pos: number): never {
  if (quiet) throw NOT_JSON;
  // Position only, never the text itself: the JSON may hold a password.
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  throw new CodecProblem(`${what}: line ${line} column ${pos - lineStart + 1} (char ${pos})`, "json");
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.pos < this.s.length && isWs(this.s.charCodeAt(this.pos))) this.pos++;
  }

  value(depth: number): PyValue {
    const s = this.s;
    const c = s[this.pos];
    if (c === '"') {
      this.pos++;
      return { t: "str", v: this.string(this.pos - 1) };
    }
    if (c === "{" || c === "[") {
      if (depth >= MAX_JSON_DEPTH) throw new CodecProblem("JSON nests too deeply", "json-depth");
      return c === "{" ? this.object(depth + 1) : this.array(depth + 1);
    }
    for (const [word, val] of LITERALS) {
      if (s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return val;
      }
    }
    return this.number();
  }

  number(): PyValue {
    const s = this.s;
    const start = this.pos;
    let i = start;
    if (s[i] === "-") i++;
    const first = s.charCodeAt(i);
    if (first >= 0x31 && first <= 0x39) {
      i++;
      while (isDigit(s.charCodeAt(i))) i++;
    } else if (first === 0x30) i++;
    else fail("Expecting value", s, start);
    let isFloat = false;
    if (s[i] === "." && isDigit(s.charCodeAt(i + 1))) {
      isFloat = true;
      i += 2;
      while (isDigit(s.charCodeAt(i))) i++;
    }
    if (s[i] === "e" || s[i] === "E") {
      let j = i + 1;
      if (s[j] === "+" || s[j] === "-") j++;
      const digitsStart = j;
      while (isDigit(s.charCodeAt(j))) j++;
      if (j > digitsStart) {
        isFloat = true;
        i = j;
      }
    }
    this.pos = i;
    const text = s.slice(start, i);
    if (isFloat) return { t: "float", v: Number(text) };
    return { t: "int", v: text === "-0" ? "0" : text };
  }

  string(quotePos: number): string {
    const s = this.s;
    let out = "";
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= s.length) fail("Unterminated string starting at", s, quotePos);
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out += s.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) fail("Invalid control character at", s, this.pos);
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += s.slice(chunk, this.pos);
      const esc = s[this.pos + 1];
      if (esc === undefined) fail("Unterminated string starting at", s, quotePos);
      if (esc === "u") {
        const hex = s.slice(this.pos + 2, this.pos + 6);
        if (hex.length !== 4 || ![...hex].every((h) => isHex(h.charCodeAt(0))))
          fail("Invalid \\uXXXX escape", s, this.pos + 1);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.pos += 6;
      } else {
        const decoded = ESCAPES[esc];
        if (decoded === undefined) fail("Invalid \\escape", s, this.pos);
        out += decoded;
        this.pos += 2;
      }
      chunk = this.pos;
    }
  }

  object(depth: number): PyValue {
    const s = this.s;
    const map = new Map<string, PyValue>();
    this.pos++;
    this.ws();
    if (s[this.pos] === "}") {
      this.pos++;
      return { t: "dict", v: map };
    }
    for (;;) {
      if (s[this.pos] !== '"') fail("Expecting property name enclosed in double quotes", s, this.pos);
      this.pos++;
      const key = this.string(this.pos - 1);
      this.ws();
      if (s[this.pos] !== ":") fail("Expecting ':' delimiter", s, this.pos);
      this.pos++;
      this.ws();
      map.set(key, this.value(depth));
      this.ws();
      const c = s[this.pos];
      this.pos++;
      if (c === "}") return { t: "dict", v: map };
      if (c !== ",") fail("Expecting ',' delimiter", s, this.pos - 1);
      this.ws();
    }
  }

  array(depth: number): PyValue {
    const s = this.s;
    const list: PyValue[] = [];
    this.pos++;
    this.ws();
    if (s[this.pos] === "]") {
      this.pos++;
      return { t: "list", v: list };
    }
    for (;;) {
      list.push(this.value(depth));
      this.ws();
      const c = s[this.pos];
      this.pos++;
      if (c === "]") return { t: "list", v: list };
      if (c !== ",") fail("Expecting ',' delimiter", s, this.pos - 1);
      this.ws();
    }
  }
}

const LITERALS: [string, PyValue][] = [
  ["null", NULL],
  ["true", { t: "bool", v: true }],
  ["false", { t: "bool", v: false }],
  ["NaN", { t: "float", v: Number.NaN }],
  ["Infinity", { t: "float", v: Number.POSITIVE_INFINITY }],
  ["-Infinity", { t: "float", v: Number.NEGATIVE_INFINITY }],
];

/**
 * Python's `json.loads(text)`: the same accepted language (including `NaN`, `Infinity`,
 * duplicate keys with the last value winning), the same error kinds. Linear time; nesting is
 * bounded by {@link MAX_JSON_DEPTH}. Errors name a position, never the text.
 */
export function pyJsonLoads(text: string): PyValue {
  if (text.charCodeAt(0) === 0xfeff) fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0);
  const p = new Parser(text);
  p.ws();
  if (p.pos >= text.length) fail("Expecting value", text, p.pos);
  const value = p.value(0);
  p.ws();
  if (p.pos !== text.length) fail("Extra data", text, p.pos);
  return value;
}

/**
 * Like {@link pyJsonLoads}, but answers `undefined` for text that is not JSON (cheaply: no error
 * object is made). Nesting beyond {@link MAX_JSON_DEPTH} still throws, as Python's RecursionError does.
 */
export function pyJsonTryLoads(text: string): PyValue | undefined {
  // Most query values are plain words: a JSON text can only start with one of these (after whitespace).
  if (!/^[\s{["\-0-9tfnNI]/.test(text)) return undefined;
  quiet = true;
  try {
    return pyJsonLoads(text);
  } catch (e) {
    if (e === NOT_JSON) return undefined;
    throw e;
  } finally {
    quiet = false;
  }
}
