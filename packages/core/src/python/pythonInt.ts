import { lazyPattern } from "../lazyPattern.js";
import { CodecProblem } from "../CodecProblem.js";
import type { PyValue } from "./pythonJson.js";
import { PYTHON_WHITESPACE, pythonStrip } from "./pythonStrip.js";

// int() skips ASCII whitespace and non-ASCII str.isspace() characters, but not the separators
// \x1c-\x1f, which str.strip() removes: CPython maps only non-ASCII whitespace to a space first.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the separators are the point
const INT_WHITESPACE = PYTHON_WHITESPACE.replace(/[\x1c-\x1f]/g, "");

const DECIMAL = lazyPattern(String.raw`^\p{Nd}$`, "u");

/** The value 0..9 of a Unicode decimal digit (Nd digits come in aligned runs of ten). */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0) as number;
  if (cp < 0x80) return cp - 0x30;
  let runStart = cp;
  while (DECIMAL().test(String.fromCodePoint(runStart - 1))) runStart--;
  cp -= runStart;
  return cp % 10;
}

/**
 * Python's `int(text)` for a string: surrounding whitespace ignored (not `\x1c`-`\x1f`, which
 * `strip()` removes), an optional sign, Unicode decimal digits with single `_` between them. Returns a JavaScript number (exact up to 2^53),
 * or `null` when Python would raise `ValueError`.
 */
export function pyIntOfString(text: string): number | null {
  const s = pythonStrip(text, INT_WHITESPACE);
  if (!/^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u.test(s)) return null;
  let value = 0;
  for (const ch of s) {
    if (ch === "+" || ch === "-" || ch === "_") continue;
    value = value * 10 + digitValue(ch);
  }
  return s.startsWith("-") ? 0 - value : value;
}

/**
 * Python's `int(value)` for a JSON value (Airflow's `from_json` port handling): strings as
 * {@link pyIntOfString}, floats truncated, `true` is 1. Throws a {@link CodecProblem} where Python
 * raises; the message never repeats the value.
 */
export function pyInt(value: PyValue): number {
  switch (value.t) {
    case "str": {
      const n = pyIntOfString(value.v);
      if (n === null) throw new CodecProblem("`port` is not an integer", "port");
      return n;
    }
    case "int":
      return Number(value.v);
    case "float":
      if (!Number.isFinite(value.v)) throw new CodecProblem("`port` is not a finite number", "port");
      return Math.trunc(value.v) + 0;
    case "bool":
      return value.v ? 1 : 0;
    default:
      throw new CodecProblem("`port` must be a number or a numeric string", "port");
  }
}
