import type { LineTree } from "./LineTree.js";

/** A JSON syntax error at a 1-based line, with Python's `json` message (`Expecting value`...). */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`${reason} (line ${line})`);
  }
}

/** A parsed JSON text: the value and, for every object key and array item, its line. */
export interface ScannedJson {
  value: unknown;
  tree: LineTree;
}

const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
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
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Sets a key without ever touching the prototype (`__proto__` stays a plain key). */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Parses JSON exactly as Python's `json.loads` does (Airflow reads `.json` connection files
 * with it): `NaN`/`Infinity` accepted, control characters inside strings refused, duplicate keys
 * keep the first position and the last value, a leading BOM refused, and each error carries
 * Python's message and 1-based line. Unlike `JSON.parse`, errors never quote the text, and every
 * key's line is kept for `file:line` messages.
 *
 * @example
 * ```ts
 * scanJson('{\n  "a": "x"\n}').tree.fields?.get("a")?.line; // 2
 * ```
 */
export function scanJson(text: string): ScannedJson {
  const newlines: number[] = [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines.push(i);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const fail = (reason: string, pos: number): never => {
    throw new JsonSyntaxError(reason, lineAt(pos));
  };
  const skip = (pos: number): number => {
    let i = pos;
    while (i < text.length && WS.has(text[i] as string)) i++;
    return i;
  };

  function scanString(start: number): [string, number] {
    // start is just after the opening quote
    let out = "";
    let i = start;
    for (;;) {
      let j = i;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === 0x22 || c === 0x5c || c < 0x20) break;
        j++;
      }
      out += text.slice(i, j);
      if (j >= text.length) fail("Unterminated string starting at", start - 1);
      const c = text[j] as string;
      if (c === '"') return [out, j + 1];
      if (c !== "\\") fail("Invalid control character at", j);
      const esc = text[j + 1];
      if (esc === undefined) fail("Unterminated string starting at", start - 1);
      if (esc !== "u") {
        const mapped = ESCAPES[esc as string];
        if (mapped === undefined) fail("Invalid \\escape", j);
        out += mapped;
        i = j + 2;
        continue;
      }
      const hex = text.slice(j + 2, j + 6);
      if (!HEX4.test(hex)) fail("Invalid \\uXXXX escape", j);
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i = j + 6;
    }
  }

  function scanValue(pos: number): [unknown, number, LineTree] {
    const c = text[pos];
    const tree: LineTree = { line: lineAt(pos) };
    if (c === '"') {
      const [s, end] = scanString(pos + 1);
      return [s, end, tree];
    }
    if (c === "{") return scanObject(pos + 1, tree);
    if (c === "[") return scanArray(pos + 1, tree);
    for (const [word, value] of [
      ["null", null],
      ["true", true],
      ["false", false],
      ["NaN", Number.NaN],
      ["Infinity", Number.POSITIVE_INFINITY],
      ["-Infinity", Number.NEGATIVE_INFINITY],
    ] as const) {
      if (text.startsWith(word, pos)) return [value, pos + word.length, tree];
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) return [Number(m[0]), pos + m[0].length, tree];
    return fail("Expecting value", pos);
  }

  function scanObject(start: number, tree: LineTree): [unknown, number, LineTree] {
    const value: Record<string, unknown> = {};
    const fields = new Map<string, LineTree>();
    tree.fields = fields;
    let i = skip(start);
    if (text[i] === "}") return [value, i + 1, tree];
    for (;;) {
      if (text[i] !== '"') fail("Expecting property name enclosed in double quotes", i);
      const keyLine = lineAt(i);
      const [key, afterKey] = scanString(i + 1);
      i = skip(afterKey);
      if (text[i] !== ":") fail("Expecting ':' delimiter", i);
      const [v, afterValue, child] = scanValue(skip(i + 1));
      child.line = keyLine;
      setKey(value, key, v);
      fields.set(key, child);
      i = skip(afterValue);
      if (text[i] === "}") return [value, i + 1, tree];
      if (text[i] !== ",") fail("Expecting ',' delimiter", i);
      i = skip(i + 1);
    }
  }

  function scanArray(start: number, tree: LineTree): [unknown, number, LineTree] {
    const value: unknown[] = [];
    const items: LineTree[] = [];
    tree.items = items;
    let i = skip(start);
    if (text[i] === "]") return [value, i + 1, tree];
    for (;;) {
      const [v, afterValue, child] = scanValue(i);
      value.push(v);
      items.push(child);
      i = skip(afterValue);
      if (text[i] === "]") return [value, i + 1, tree];
      if (text[i] !== ",") fail("Expecting ',' delimiter", i);
      i = skip(i + 1);
    }
  }

  if (text.startsWith("\ufeff")) fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
  const [value, end, tree] = scanValue(skip(0));
  const rest = skip(end);
  if (rest !== text.length) fail("Extra data", rest);
  return { value, tree };
}
