import { CodecProblem } from "../CodecProblem.js";
import { INTERN_MAX_LENGTH } from "../internText.js";
import { JsonProblem } from "./JsonProblem.js";
import type { LineTree } from "../LineTree.js";
import type { PyValue } from "./pythonJson.js";

/** Deeper nesting than this is refused (Airflow 3 on Python 3.11 raises RecursionError from about 985 levels). */
export const MAX_JSON_DEPTH = 980;

/** Python's `sys.get_int_max_str_digits()` default: `int()` of a longer decimal text raises ValueError. */
export const MAX_INT_DIGITS = 4300;

/** Thrown instead of a JsonProblem when the caller only asks "is this JSON?" (no Error, no stack). */
export const NOT_JSON: unique symbol = Symbol("not JSON");

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

/**
 * Python's `json.loads` as one linear pass over the text: {@link PyJsonParser.document} reads the
 * whole text. Given a {@link LineTree} root, every value also gets a node with its 1-based line,
 * counted forward from the last position asked for (positions only grow), so the pass stays
 * linear. In `quiet` mode a syntax error throws {@link NOT_JSON} instead of a {@link JsonProblem}.
 * Private to the codec: use `pyJsonLoads`, `pyJsonTryLoads` or the public `parsePythonJson`.
 */
export class PyJsonParser {
  pos = 0;
  private line = 1;
  private counted = 0;
  constructor(
    readonly s: string,
    private readonly quiet: boolean,
  ) {}

  fail(what: string, pos: number): never {
    if (this.quiet) throw NOT_JSON;
    throw JsonProblem.at(what, this.s, pos);
  }

  /** The 1-based line of `pos`; `pos` never goes back between calls. */
  lineAt(pos: number): number {
    for (; this.counted < pos; this.counted++) if (this.s.charCodeAt(this.counted) === 0x0a) this.line++;
    return this.line;
  }

  ws(): void {
    while (this.pos < this.s.length && isWs(this.s.charCodeAt(this.pos))) this.pos++;
  }

  value(depth: number, tree?: LineTree): PyValue {
    const s = this.s;
    const c = s[this.pos];
    if (c === '"') {
      this.pos++;
      return { t: "str", v: this.string(this.pos - 1) };
    }
    if (c === "{" || c === "[") {
      if (depth >= MAX_JSON_DEPTH) throw new CodecProblem("JSON nests too deeply", "json-depth");
      return c === "{" ? this.object(depth + 1, tree) : this.array(depth + 1, tree);
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
    else this.fail("Expecting value", start);
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
    // Python raises ValueError (not JSONDecodeError: a caller that falls back on a decode error still fails).
    if (text.length - (text[0] === "-" ? 1 : 0) > MAX_INT_DIGITS) {
      throw new CodecProblem(
        `an integer has more than ${MAX_INT_DIGITS} digits, Python's limit for int()`,
        "json",
      );
    }
    return { t: "int", v: text === "-0" ? "0" : text };
  }

  string(quotePos: number): string {
    const s = this.s;
    let out = "";
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= s.length) this.fail("Unterminated string starting at", quotePos);
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        // Checked as Python checks it, the literal decodes as JSON.parse decodes it: a long one is
        // taken from JSON.parse, a string of its own, not a view into the whole text (see ownText).
        if (this.pos - quotePos - 2 > INTERN_MAX_LENGTH) return JSON.parse(s.slice(quotePos, this.pos));
        return out + s.slice(chunk, this.pos - 1);
      }
      if (c < 0x20) this.fail("Invalid control character at", this.pos);
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += s.slice(chunk, this.pos);
      const esc = s[this.pos + 1];
      if (esc === undefined) this.fail("Unterminated string starting at", quotePos);
      if (esc === "u") {
        const hex = s.slice(this.pos + 2, this.pos + 6);
        if (hex.length !== 4 || ![...hex].every((h) => isHex(h.charCodeAt(0))))
          this.fail("Invalid \\uXXXX escape", this.pos + 1);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.pos += 6;
      } else {
        const decoded = ESCAPES[esc];
        if (decoded === undefined) this.fail("Invalid \\escape", this.pos);
        out += decoded;
        this.pos += 2;
      }
      chunk = this.pos;
    }
  }

  object(depth: number, tree?: LineTree): PyValue {
    const s = this.s;
    const map = new Map<string, PyValue>();
    const fields = tree && new Map<string, LineTree>();
    if (tree) tree.fields = fields;
    this.pos++;
    this.ws();
    if (s[this.pos] === "}") {
      this.pos++;
      return { t: "dict", v: map };
    }
    for (;;) {
      if (s[this.pos] !== '"') this.fail("Expecting property name enclosed in double quotes", this.pos);
      // A key's subtree carries the key's line (a repeated key: first place, last line, as its value).
      const child = fields && { line: this.lineAt(this.pos) };
      this.pos++;
      const key = this.string(this.pos - 1);
      this.ws();
      if (s[this.pos] !== ":") this.fail("Expecting ':' delimiter", this.pos);
      this.pos++;
      this.ws();
      map.set(key, this.value(depth, child));
      if (child) fields?.set(key, child);
      this.ws();
      const c = s[this.pos];
      this.pos++;
      if (c === "}") return { t: "dict", v: map };
      if (c !== ",") this.fail("Expecting ',' delimiter", this.pos - 1);
      this.ws();
    }
  }

  array(depth: number, tree?: LineTree): PyValue {
    const s = this.s;
    const list: PyValue[] = [];
    const items: LineTree[] | undefined = tree && [];
    if (tree) tree.items = items;
    this.pos++;
    this.ws();
    if (s[this.pos] === "]") {
      this.pos++;
      return { t: "list", v: list };
    }
    for (;;) {
      const child = items && { line: this.lineAt(this.pos) };
      list.push(this.value(depth, child));
      if (child) items?.push(child);
      this.ws();
      const c = s[this.pos];
      this.pos++;
      if (c === "]") return { t: "list", v: list };
      if (c !== ",") this.fail("Expecting ',' delimiter", this.pos - 1);
      this.ws();
    }
  }

  /** The whole text: one value between optional whitespace. */
  document(tree?: LineTree): PyValue {
    const text = this.s;
    if (text.charCodeAt(0) === 0xfeff) this.fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    this.ws();
    if (this.pos >= text.length) this.fail("Expecting value", this.pos);
    if (tree) tree.line = this.lineAt(this.pos);
    const value = this.value(0, tree);
    this.ws();
    if (this.pos !== text.length) this.fail("Extra data", this.pos);
    return value;
  }
}

const LITERALS: [string, PyValue][] = [
  ["null", { t: "null" }],
  ["true", { t: "bool", v: true }],
  ["false", { t: "bool", v: false }],
  ["NaN", { t: "float", v: Number.NaN }],
  ["Infinity", { t: "float", v: Number.POSITIVE_INFINITY }],
  ["-Infinity", { t: "float", v: Number.NEGATIVE_INFINITY }],
];
