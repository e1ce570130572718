import type { Document, Node, Pair, Scalar, YAMLMap } from "yaml";
import { pyFloatRepr } from "@awsconn/core";
import { pyyamlInt } from "./pyyamlInt.js";
import { requireYaml } from "./requireYaml.js";

const INT_TAG = "tag:yaml.org,2002:int";
const FLOAT_TAG = "tag:yaml.org,2002:float";

/**
 * Gives each null, number and boolean key below the top level of `doc` (an extra's keys) the text
 * Airflow's `json.dumps` writes for the Python key PyYAML builds, where the `yaml` package's
 * JavaScript value would print otherwise: a null key (`~`, `!!null ''`) is `"null"` (not `""`),
 * `1.0` is `"1.0"` (not `"1"`), `-0.0` is `"-0.0"`,
 * `1e+16`-style floats keep Python's spelling and a whole number keeps every digit
 * (`12345678901234567890`, `0x1F` is `"31"`). Keys a Python dict holds as one (`1`, `1.0` and
 * `true`; `0`, `-0.0` and `false`) become one key: the first one's text, the last one's value.
 * A number key and a text key with the same text (`1.0` and `"1.0"`) are two keys to Python, both
 * written by `json.dumps`: the extra holds the value `json.loads` keeps, and a date, bytes or set
 * under the other one is still refused. Top-level keys are `markNonStringKeys`'. Runs after `nullTaggedScalars` (`!!null` keys are null then).
 *
 * @example
 * ```ts
 * const doc = parseDocument("a:\n  1.0: x\n  true: y\n", { version: "1.1" });
 * pyyamlKeyTexts(doc);
 * doc.toJS(); // { a: { "1.0": "y" } }
 * ```
 */
export function pyyamlKeyTexts(doc: Document): void {
  const { isScalar, visit, Pair, Scalar } = requireYaml();
  visit(doc, {
    Map(_key, map: YAMLMap, path) {
      if (map === doc.contents) return undefined; // connection ids: markNonStringKeys
      // A connection's own mapping: a number key there is an illegal field whatever its value.
      const ofConnection = path[path.length - 2] === doc.contents;
      const seen = new Map<string, string>(); // a Python key's equality class -> the first key's text
      // Per text, each class of key with it (its first place, its last pair): two classes (`1.0` and
      // "1.0") are two keys to Python, both written by json.dumps, and one to JavaScript.
      const byText = new Map<string, Map<string, { first: number; last: Pair }>>();
      const lastOf = new Map<string, Pair>(); // per text, the last pair with it
      map.items.forEach((pair, at) => {
        const key = pair.key as Node | null; // null: an empty key (`? : x`), None to PyYAML
        let text: string;
        let same: string;
        if (isScalar(key) && typeof key.value === "string") [text, same] = [key.value, `str ${key.value}`];
        else if (key === null || (isScalar(key) && isPythonNonStringKey(key.value))) {
          ({ text, same } = key === null ? { text: "null", same: "null" } : pythonKey(key));
          text = seen.get(same) ?? text;
          seen.set(same, text);
          const stand = new Scalar(text);
          stand.range = key?.range ?? (pair.value as Node | null)?.range;
          pair.key = stand;
        } else return; // the merge key `<<`, an alias
        const classes = byText.get(text) ?? new Map<string, { first: number; last: Pair }>();
        classes.set(same, { first: classes.get(same)?.first ?? at, last: pair });
        byText.set(text, classes);
        lastOf.set(text, pair);
      });
      for (const [text, classes] of byText) {
        if (classes.size < 2) continue;
        // json.loads keeps the last of the texts json.dumps wrote: the class placed last in the dict
        // (the latest first place), with its last value; JavaScript keeps the last pair in the text.
        const kept = [...classes.values()].reduce((a, b) => (b.first > a.first ? b : a));
        if (kept.last !== lastOf.get(text))
          map.items.push(new Pair(new Scalar(text), clone(kept.last.value)));
        // A value of another class still meets json.dumps in Airflow: one it refuses (a date, bytes,
        // a set) is kept under a stand-in key, for the extra's check to refuse (in an extra: a
        // connection's own number key is refused as an illegal key).
        for (const { last } of classes.values())
          if (!ofConnection && last !== kept.last && holdsNotJson(last.value))
            map.items.push(new Pair(new Scalar(SHADOWED_KEY), clone(last.value)));
      }
      return undefined;
    },
  });
}

/** The key of a value {@link pyyamlKeyTexts} keeps for the extra's check only: a NUL first, as no YAML key. */
const SHADOWED_KEY = "\u0000a value a later key hides";

/** A copy of a pair's value node, so that no later pass reads one node twice. */
const clone = (value: unknown) =>
  value !== null && typeof value === "object" && "clone" in value ? (value as Node).clone() : value;

/** Whether `node` holds a value Python's `json.dumps` refuses: a date, `!!binary` bytes, a `!!set`. */
function holdsNotJson(node: unknown): boolean {
  const { isMap, isScalar, isSeq, visit } = requireYaml();
  if (!isScalar(node) && !isMap(node) && !isSeq(node)) return false;
  let found = false;
  visit(node as Node, {
    Node(_key, n) {
      const v = isScalar(n) ? n.value : undefined;
      if (v instanceof Date || v instanceof Uint8Array || (isMap(n) && n.tag === "tag:yaml.org,2002:set")) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

const isPythonNonStringKey = (value: unknown) =>
  value === null || typeof value === "number" || typeof value === "boolean";

/** The text `json.dumps` gives a null, number or boolean key, and the class of keys Python holds equal to it. */
function pythonKey(key: Scalar): { text: string; same: string } {
  const value = key.value as number | boolean | null;
  if (value === null) return { text: "null", same: "null" };
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
  // (A text PyYAML's int does not read, such as a tag's own spelling: the package's number.)
  const int = pyyamlInt(source ?? "") ?? BigInt(Math.trunc(value));
  return int.toString();
}
