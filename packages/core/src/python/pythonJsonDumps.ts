import { pyFloatRepr } from "./pyFloatRepr.js";
import type { PyValue } from "./pythonJson.js";
import { sizedObject } from "./sizedObject.js";

const SHORT_ESCAPES: Record<number, string> = {
  34: '\\"',
  92: "\\\\",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
};

/** Python's `json.dumps(str)` with `ensure_ascii=True`: everything outside space..`~` escaped. */
export function pyJsonString(s: string): string {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(chunk, i);
    out += SHORT_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, "0")}`;
    chunk = i + 1;
  }
  return `${out}${s.slice(chunk)}"`;
}

/** Python's `json.dumps(value)` with default arguments (`", "` and `": "` separators, ASCII only). */
export function pyJsonDumps(value: PyValue): string {
  switch (value.t) {
    case "null":
      return "null";
    case "bool":
      return value.v ? "true" : "false";
    case "str":
      return pyJsonString(value.v);
    case "int":
      return value.v;
    case "float":
      return pyFloatRepr(value.v);
    case "list":
      return `[${value.v.map(pyJsonDumps).join(", ")}]`;
    case "dict": {
      const parts: string[] = [];
      for (const [k, v] of value.v) parts.push(`${pyJsonString(k)}: ${pyJsonDumps(v)}`);
      return `{${parts.join(", ")}}`;
    }
  }
}

/** Sets a property safely (a `__proto__` key becomes an own property, as with `JSON.parse`). */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The JavaScript form of a Python JSON value (integers beyond 2^53 lose precision, as with `JSON.parse`). */
export function pyToPlain(value: PyValue): unknown {
  switch (value.t) {
    case "null":
      return null;
    case "bool":
    case "str":
    case "float":
      return value.v;
    case "int":
      return Number(value.v);
    case "list":
      return value.v.map(pyToPlain);
    case "dict": {
      const out = sizedObject(value.v.size);
      for (const [k, v] of value.v) {
        if (k === "__proto__") defineOwn(out, k, pyToPlain(v));
        else out[k] = pyToPlain(v);
      }
      return out;
    }
  }
}

/**
 * The Python JSON value of a JavaScript value, as `JSON.stringify` would see it (`toJSON` honoured,
 * `undefined` and functions dropped from objects and `null` in arrays), except that `NaN` and
 * `Infinity` stay floats, as in Python. Integral numbers become ints.
 */
export function pyFromPlain(value: unknown, depth = 0): PyValue {
  if (depth > 980) throw new RangeError("value nests too deeply");
  let v = value;
  if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  if (v === null || v === undefined || typeof v === "function" || typeof v === "symbol") return { t: "null" };
  if (typeof v === "boolean") return { t: "bool", v };
  if (typeof v === "string") return { t: "str", v };
  if (typeof v === "bigint") return { t: "int", v: v.toString() };
  if (typeof v === "number") {
    if (Number.isInteger(v)) return { t: "int", v: BigInt(v).toString() };
    return { t: "float", v };
  }
  if (Array.isArray(v)) return { t: "list", v: v.map((item) => pyFromPlain(item, depth + 1)) };
  const map = new Map<string, PyValue>();
  for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    map.set(k, pyFromPlain(item, depth + 1));
  }
  return { t: "dict", v: map };
}

/** True when the JavaScript value is what {@link pyToPlain} of `tree` would give (key order ignored). */
export function pyEqualsPlain(tree: PyValue, plain: unknown): boolean {
  switch (tree.t) {
    case "null":
      return plain === null;
    case "bool":
    case "str":
      return plain === tree.v;
    case "int":
      return plain === Number(tree.v);
    case "float":
      return plain === tree.v || (Number.isNaN(tree.v) && Number.isNaN(plain));
    case "list":
      return (
        Array.isArray(plain) &&
        plain.length === tree.v.length &&
        tree.v.every((item, i) => pyEqualsPlain(item, plain[i]))
      );
    case "dict": {
      if (plain === null || typeof plain !== "object" || Array.isArray(plain)) return false;
      const record = plain as Record<string, unknown>;
      let count = 0;
      for (const key in record) if (Object.hasOwn(record, key)) count++;
      if (count !== tree.v.size) return false;
      for (const [k, v] of tree.v)
        if (!Object.hasOwn(record, k) || !pyEqualsPlain(v, record[k])) return false;
      return true;
    }
  }
}
