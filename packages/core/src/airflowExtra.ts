// Airflow keeps a connection's extra as JSON text; get_uri() writes that text (not a re-encoding)
// into `__extra__`, and its key order and number forms into the query. A JavaScript object loses
// both, so the codec remembers, per extra object, the text it was parsed from.
import { CodecProblem } from "./CodecProblem.js";
import { type PyValue, pyJsonLoads } from "./python/pythonJson.js";
import { pyEqualsPlain, pyFromPlain, pyJsonDumps, pyToPlain } from "./python/pythonJsonDumps.js";

/** An extra as Airflow holds it: its JSON text and that text parsed (ordered, exact numbers). */
export interface AirflowExtra {
  text: string;
  tree: PyValue;
}

const remembered = new WeakMap<object, AirflowExtra>();

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
  return extraFromTree(text, tree);
}

/** {@link extraFromText} for a text the codec has already parsed into `tree`. */
export function extraFromTree(text: string, tree: PyValue): Record<string, unknown> {
  if (tree.t !== "dict") throw new CodecProblem("the extra is JSON but not an object", "extra");
  const plain = pyToPlain(tree) as Record<string, unknown>;
  remembered.set(plain, { text, tree });
  return plain;
}

/**
 * The extra as Airflow would hold it: the remembered text when it still describes `extra`,
 * otherwise Python's `json.dumps` of it; `null` when there is no extra (an empty object that
 * was not parsed from text such as `{}`).
 */
export function airflowExtraOf(extra: Record<string, unknown> | undefined): AirflowExtra | null {
  if (!extra) return null;
  const known = remembered.get(extra);
  if (known && pyEqualsPlain(known.tree, extra)) return known;
  if (Object.keys(extra).length === 0) return null;
  const tree = pyFromPlain(extra);
  return { text: pyJsonDumps(tree), tree };
}
