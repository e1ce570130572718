// Airflow keeps a connection's extra as JSON text; get_uri() writes that text (not a re-encoding)
// into `__extra__`, and its key order and number forms into the query. A JavaScript object loses
// both, so the codec remembers, per extra object, the text it was parsed from, when the object
// alone would not give that text back (most extras are plain string maps: nothing is kept for them).
import { CodecProblem } from "./CodecProblem.js";
import { INTERN_MAX_LENGTH, internText, sharedText } from "./internText.js";
import { type PyValue, pyJsonLoads } from "./python/pythonJson.js";
import { pyEqualsPlain, pyFromPlain, pyJsonDumps, pyToPlain } from "./python/pythonJsonDumps.js";
import { isSecretKey } from "./redactConnection.js";

/** An extra as Airflow holds it: its JSON text and that text parsed (ordered, exact numbers). */
export interface AirflowExtra {
  text: string;
  tree: PyValue;
}

// Only the text is kept (the tree is parsed again when a connection is serialised, which is rare).
const remembered = new WeakMap<object, string>();

/**
 * Airflow's `_validate_extra` + `extra_dejson`: the text must be JSON and an object. Returns the
 * plain object and remembers the text for {@link airflowExtraOf}.
 */
export function extraFromText(text: string): Record<string, unknown> {
  let tree: PyValue;
  try {
    tree = pyJsonLoads(text);
  } catch (e) {
    if (e instanceof CodecProblem && e.kind === "json") {
      throw new CodecProblem(`the extra is not valid JSON (${e.message})`, "extra");
    }
    throw e;
  }
  const plain = plainDict(tree);
  remembered.set(plain, text);
  return plain;
}

/**
 * {@link extraFromText} for a value the codec has parsed itself, whose text is `pyJsonDumps(tree)`:
 * that text is remembered only when the plain object would not give it back.
 */
export function extraFromTree(tree: PyValue): Record<string, unknown> {
  const plain = plainDict(tree);
  if (tree.t === "dict" && (tree.v.size === 0 || !survivesPlain(tree)))
    remembered.set(plain, pyJsonDumps(tree));
  return plain;
}

/**
 * The extra's plain object (an error when the value is not a JSON object), its short top-level
 * values that are not secret kept once ({@link internText}).
 */
function plainDict(tree: PyValue): Record<string, unknown> {
  if (tree.t !== "dict") throw new CodecProblem("the extra is JSON but not an object", "extra");
  const plain = pyToPlain(tree) as Record<string, unknown>;
  for (const [key, value] of tree.v) {
    if (value.t !== "str" || value.v.length > INTERN_MAX_LENGTH || key === "__proto__") continue;
    // a value already kept costs no key check; a new one is kept only under a non-secret key
    const shared = sharedText(value.v);
    if (shared !== undefined) plain[key] = shared;
    else if (!isSecretKey(key)) plain[key] = internText(value.v);
  }
  return plain;
}

// An array index as a key: JavaScript objects list such keys first, in numeric order.
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * True when `pyJsonDumps(pyFromPlain(pyToPlain(tree)))` is `pyJsonDumps(tree)`: no key that an
 * object would reorder, no int beyond a double's exact range, no float that reads back as an int.
 */
function survivesPlain(tree: PyValue): boolean {
  switch (tree.t) {
    case "int":
      return Number.isSafeInteger(Number(tree.v)) && String(Number(tree.v)) === tree.v;
    case "float":
      return !Number.isInteger(tree.v);
    case "list":
      return tree.v.every(survivesPlain);
    case "dict":
      for (const [k, v] of tree.v) {
        if ((INDEX_KEY.test(k) && Number(k) < 2 ** 32 - 1) || !survivesPlain(v)) return false;
      }
      return true;
    default:
      return true;
  }
}

/**
 * The extra as Airflow would hold it: the remembered text when it still describes `extra`,
 * otherwise Python's `json.dumps` of it; `null` when there is no extra (an empty object that
 * was not parsed from text such as `{}`).
 */
export function airflowExtraOf(extra: Record<string, unknown> | undefined): AirflowExtra | null {
  if (!extra) return null;
  const text = remembered.get(extra);
  if (text !== undefined) {
    const tree = pyJsonLoads(text);
    if (pyEqualsPlain(tree, extra)) return { text, tree };
  }
  if (Object.keys(extra).length === 0) return null;
  const tree = pyFromPlain(extra);
  return { text: pyJsonDumps(tree), tree };
}
