import type { LineTree } from "../LineTree.js";
import { MAX_JSON_DEPTH, NOT_JSON, PyJsonParser } from "./PyJsonParser.js";

export { MAX_JSON_DEPTH };

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

/**
 * Python's `json.loads(text)`: the same accepted language (including `NaN`, `Infinity`,
 * duplicate keys with the last value winning), the same error kinds. Linear time; nesting is
 * bounded by {@link MAX_JSON_DEPTH}. Errors (a {@link JsonProblem}) name a position, never the text.
 */
export function pyJsonLoads(text: string): PyValue {
  return new PyJsonParser(text, false).document();
}

/**
 * {@link pyJsonLoads} that also records where every value sits: the 1-based line of each value,
 * of each object key (for a key's value) and of each array item, in one linear pass.
 */
export function pyJsonLoadsWithLines(text: string): { value: PyValue; lines: LineTree } {
  const lines: LineTree = { line: 1 };
  return { value: new PyJsonParser(text, false).document(lines), lines };
}

/**
 * Like {@link pyJsonLoads}, but answers `undefined` for text that is not JSON (cheaply: no error
 * object is made). Nesting beyond {@link MAX_JSON_DEPTH} still throws, as Python's RecursionError does.
 */
export function pyJsonTryLoads(text: string): PyValue | undefined {
  // Most query values are plain words: a JSON text can only start with one of these (after whitespace).
  if (!/^[\s{["\-0-9tfnNI]/.test(text)) return undefined;
  try {
    return new PyJsonParser(text, true).document();
  } catch (e) {
    if (e === NOT_JSON) return undefined;
    throw e;
  }
}
