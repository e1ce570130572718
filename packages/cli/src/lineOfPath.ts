import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/**
 * The 1-based line of a key path (`sources[2].type`, `aws_default.port`) in a YAML or JSON text,
 * or of the deepest part of it that exists; `undefined` when the text does not parse.
 *
 * @example
 * ```ts
 * lineOfPath("sources:\n  - type: sm\n", "sources[0].type"); // 2
 * ```
 */
export function lineOfPath(text: string, path: string | readonly (string | number)[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const segments = typeof path === "string" ? splitPath(path) : path;
  let node: unknown = doc.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment),
      );
      if (!pair) break;
      offset = isNode(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!item) break;
      offset = isNode(item) ? item.range?.[0] : offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** `sources[2].type` -> `["sources", 2, "type"]`. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (part[2] !== undefined) out.push(Number(part[2]));
    else if (part[1] !== undefined) out.push(/^\d+$/.test(part[1]) ? Number(part[1]) : part[1]);
  }
  return out;
}
