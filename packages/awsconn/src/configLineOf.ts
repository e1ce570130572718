import { requireYaml } from "@awsconn/source-file";
import type { Document, LineCounter, Node } from "yaml";

/** A key path into a configuration (`["sources", 2, "type"]`). */
type ConfigPath = readonly (string | number)[];

/**
 * The 1-based line of a key path in a parsed configuration file: the line of the key itself (or
 * of the list item), else of the nearest enclosing key that exists (a missing key is reported
 * where its parent is). `undefined` when not even the top level has a position.
 *
 * @example
 * ```ts
 * const lineCounter = new LineCounter();
 * const doc = parseDocument("sources:\n  - type: sm\n", { lineCounter });
 * configLineOf(doc, lineCounter)(["sources", 0, "type"]); // 2
 * ```
 */
export function configLineOf(
  doc: Document,
  lineCounter: LineCounter,
): (path: ConfigPath) => number | undefined {
  const { isMap, isNode, isScalar, isSeq } = requireYaml();
  const lineOfNode = (node: unknown): number | undefined => {
    const start = isNode(node) ? node.range?.[0] : undefined;
    return start === undefined ? undefined : lineCounter.linePos(start).line;
  };
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineOfNode(node);
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) return line;
        line = lineOfNode(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number") {
        const item: Node | unknown = node.items[step];
        if (item === undefined) return line;
        line = lineOfNode(item) ?? line;
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };
}
