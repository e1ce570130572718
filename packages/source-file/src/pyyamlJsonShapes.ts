import type { Document, Node, Pair } from "yaml";
import { requireYaml } from "./requireYaml.js";

const OMAP_TAG = "tag:yaml.org,2002:omap";
const PAIRS_TAG = "tag:yaml.org,2002:pairs";

/** The prefix of the stand-in {@link pyyamlJsonShapes} gives a nested date or `!!binary` key: a NUL, which no YAML key can start with unescaped. */
const NOT_JSON_KEY = "\u0000a key json.dumps refuses: ";

/**
 * Gives `doc` the shapes PyYAML's safe loader builds where the `yaml` package builds others, so
 * that an extra holds what Airflow's `json.dumps` would write:
 * - `!!omap` and `!!pairs` become lists of `[key, value]` lists (PyYAML: lists of tuples), where
 *   the package gives a `Map` (which reads as `{}`) and a list of one-key objects;
 * - a date or `!!binary` key below the top level (top-level keys: `markNonStringKeys`) becomes a
 *   stand-in ({@link notJsonKeyKind}), because `json.dumps` refuses such a key ("keys must be str,
 *   int, float, bool or None") and the package would make it the date's or the bytes' text.
 *
 * Runs before `toJS`; an anchored list keeps its anchor.
 *
 * @example
 * ```ts
 * const doc = parseDocument("k: !!omap [{p: 1}]\n", { version: "1.1" });
 * pyyamlJsonShapes(doc);
 * doc.toJS(); // { k: [["p", 1]] }
 * ```
 */
export function pyyamlJsonShapes(doc: Document): void {
  const { isMap, isPair, isScalar, visit, Scalar, YAMLSeq } = requireYaml();
  visit(doc, {
    Seq(_key, node) {
      if (node.tag !== OMAP_TAG && node.tag !== PAIRS_TAG) return undefined;
      const tuples = [];
      for (const item of node.items) {
        const pair = isPair(item) ? item : isMap(item) && item.items.length === 1 ? item.items[0] : undefined;
        if (!pair) return undefined; // not a list of pairs: left as it is
        const tuple = new YAMLSeq(doc.schema);
        tuple.items = [pair.key, pair.value];
        tuples.push(tuple);
      }
      const list = new YAMLSeq(doc.schema);
      list.items = tuples;
      if (node.anchor) list.anchor = node.anchor;
      list.range = node.range;
      return list;
    },
    Pair(_key, pair: Pair, path) {
      if (path.length <= 2) return undefined; // a top-level key (the document, its mapping)
      const key = pair.key as Node | null;
      if (!isScalar(key)) return undefined;
      const kind = key.value instanceof Date ? "date" : key.value instanceof Uint8Array ? "bytes" : undefined;
      if (kind === undefined) return undefined;
      const stand = new Scalar(`${NOT_JSON_KEY}${kind}`);
      stand.range = key.range;
      pair.key = stand;
      return undefined;
    },
  });
}

/**
 * The kind of key a stand-in of {@link pyyamlJsonShapes} replaced (`"date"`, `"bytes"`), or
 * `undefined` for any other key.
 *
 * @example
 * ```ts
 * notJsonKeyKind("region"); // undefined
 * ```
 */
export function notJsonKeyKind(key: string): "date" | "bytes" | undefined {
  if (!key.startsWith(NOT_JSON_KEY)) return undefined;
  return key.slice(NOT_JSON_KEY.length) === "date" ? "date" : "bytes";
}
