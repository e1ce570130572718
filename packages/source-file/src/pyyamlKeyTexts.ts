import type { Document, Node, Scalar, YAMLMap } from "yaml";
import { pyFloatRepr } from "@awsconn/core";
import { requireYaml } from "./requireYaml.js";

const INT_TAG = "tag:yaml.org,2002:int";
const FLOAT_TAG = "tag:yaml.org,2002:float";

/**
 * Gives each number and boolean key below the top level of `doc` (an extra's keys) the text
 * Airflow's `json.dumps` writes for the Python key PyYAML builds, where the `yaml` package's
 * JavaScript number would print otherwise: `1.0` is `"1.0"` (not `"1"`), `-0.0` is `"-0.0"`,
 * `1e+16`-style floats keep Python's spelling and a whole number keeps every digit
 * (`12345678901234567890`, `0x1F` is `"31"`). Keys a Python dict holds as one (`1`, `1.0` and
 * `true`; `0`, `-0.0` and `false`) become one key: the first one's text, the last one's value.
 * Top-level keys are `markNonStringKeys`'; null keys are `nullTaggedScalars`'.
 *
 * @example
 * ```ts
 * const doc = parseDocument("a:\n  1.0: x\n  true: y\n", { version: "1.1" });
 * pyyamlKeyTexts(doc);
 * doc.toJS(); // { a: { "1.0": "y" } }
 * ```
 */
export function pyyamlKeyTexts(doc: Document): void {
  const { isScalar, visit, Scalar } = requireYaml();
  visit(doc, {
    Map(_key, map: YAMLMap) {
      if (map === doc.contents) return undefined; // connection ids: markNonStringKeys
      const seen = new Map<string, string>(); // a Python key's equality class -> the first key's text
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || (typeof key.value !== "number" && typeof key.value !== "boolean")) continue;
        const { text, same } = pythonKey(key);
        const kept = seen.get(same) ?? text;
        seen.set(same, kept);
        const stand = new Scalar(kept);
        stand.range = key.range;
        pair.key = stand;
      }
      return undefined;
    },
  });
}

/** The text `json.dumps` gives a number or boolean key, and the class of keys Python holds equal to it. */
function pythonKey(key: Scalar): { text: string; same: string } {
  const value = key.value as number | boolean;
  if (typeof value === "boolean") return { text: String(value), same: value ? "1" : "0" };
  if (!isFloatKey(key)) {
    const whole = exactInt(key.source, value);
    return { text: whole, same: whole };
  }
  const text = pyFloatRepr(value);
  // A whole float equals the int of its value (1e20 == 10**20 in Python); any other is its own.
  return { text, same: Number.isInteger(value) ? BigInt(value).toString() : `float ${text}` };
}

/** Whether PyYAML made a float of this number key (its implicit float needs a "."; .inf, .nan). */
function isFloatKey(key: Scalar): boolean {
  if (key.tag === FLOAT_TAG) return true;
  if (key.tag === INT_TAG || key.format === "HEX" || key.format === "OCT" || key.format === "BIN")
    return false;
  if (key.format === "EXP") return true;
  return /[.]|inf|nan/i.test(key.source ?? String(key.value));
}

/** PyYAML's int of a key's text, every digit kept (a JavaScript number holds 2^53 exactly at most). */
function exactInt(source: string | undefined, value: number): string {
  const text = source?.replace(/_/g, "").trim() ?? "";
  const sign = text.startsWith("-") ? -1n : 1n;
  const digits = text.replace(/^[-+]/, "");
  try {
    let n: bigint;
    if (digits.includes(":")) n = digits.split(":").reduce((sum, part) => sum * 60n + BigInt(part), 0n);
    else if (/^0[bB]/.test(digits)) n = BigInt(`0b${digits.slice(2)}`);
    else if (/^0[xX]/.test(digits)) n = BigInt(`0x${digits.slice(2)}`);
    else if (/^0[0-7]+$/.test(digits)) n = BigInt(`0o${digits.slice(1)}`);
    else n = BigInt(digits);
    return (sign * n).toString();
  } catch {
    // (A text BigInt cannot read, such as a tag's own spelling: the package's number.)
    return Number.isSafeInteger(value) ? String(value) : BigInt(Math.trunc(value)).toString();
  }
}
