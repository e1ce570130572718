import type { Document, LineCounter, Node, Pair } from "yaml";
import type { YamlProblem } from "./describeYamlError.js";
import { pyyamlInt } from "./pyyamlInt.js";
import { requireYaml } from "./requireYaml.js";

/**
 * The first node PyYAML's safe loader cannot construct, where the `yaml` package makes something
 * of it, in the order PyYAML constructs (level by level: a mapping's merges, then its keys and
 * values in turn, its nested collections after every node of this level): a tag it does not know
 * (`tagWarnings`, the package's TAG_RESOLVE_FAILED warnings, "could not determine a
 * constructor"); a mapping or list used as a key ("found unhashable key"); a `<<` whose value is
 * not a mapping or a list of mappings; a plain `<<` or `=` value (YAML 1.1's merge and value types);
 * `!!binary` text that is not base64 ("failed to decode base64 data"). 1-based; `undefined` when
 * there is none.
 *
 * @example
 * ```ts
 * constructionProblem(parseDocument("? [1]\n: x\n"), text, lc, []); // { reason: "a list or mapping used as a key", line: 1, column: 3 }
 * ```
 */
export function constructionProblem(
  doc: Document,
  text: string,
  lineCounter: LineCounter,
  tagWarnings: { pos: [number, number] }[],
): YamlProblem | undefined {
  const { isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit } = requireYaml();
  const problem = (node: unknown, reason: string): YamlProblem => {
    const at = lineCounter.linePos((node as Node | null)?.range?.[0] ?? 0);
    return { reason, line: at.line, column: at.col };
  };
  // Each alias's node, found in one walk of the document (the anchor of that name last defined
  // before the alias): the package's own Alias.resolve walks the document up to the alias, once per
  // alias, which made a file of many aliases quadratic here. `undefined`: no anchor (reported by the caller).
  const targets = new Map<unknown, unknown>();
  const anchors = new Map<string, unknown>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  // Where nodes start: a tag belongs to the first node after it (an empty one too: `a: !!seq\n  b:`
  // tags the empty value, not the key on the next line). Found once a tag problem needs them.
  let nodeStarts: number[] | undefined;
  const firstStartFrom = (at: number) => {
    nodeStarts ??= collectStarts(doc, visit);
    const starts = nodeStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return starts[lo];
  };
  const resolve = (node: unknown): unknown => (isAlias(node) ? targets.get(node) : node);
  // Flattening merges copies each merged mapping's pairs into every mapping that merges it: a
  // chain of mappings, each merging the one before, costs the square of its length. Past this many
  // pairs the check stops (the document's alias budget then refuses a merge bomb).
  let budget = FLATTEN_BUDGET;
  // The warning of a node's tag (PyYAML marks the node where its tag starts). A block mapping
  // starts where its first key does: a tag on that key's line is the key's (`!!float 3: a`), one
  // on a line above is the mapping's.
  const tagOf = (node: unknown) => {
    const start = (node as Node | null)?.range?.[0];
    if (start === undefined) return undefined;
    const firstKey = isMap(node) ? ((node.items[0]?.key as Node | null)?.range?.[0] ?? -1) : -1;
    return tagWarnings.find((w) => {
      const between = text.slice(w.pos[1], start);
      return (
        w.pos[1] <= start &&
        /^\s*(?:&\S+\s+)?$/.test(between) &&
        firstStartFrom(w.pos[1]) === start &&
        !(firstKey === start && !between.includes("\n"))
      );
    });
  };
  const done = new Set<unknown>();
  let next: unknown[] = [doc.contents];
  done.add(doc.contents);
  /** Constructs one node now: a scalar's problem, or a collection put off to the next level. */
  const construct = (raw: unknown, asKey: boolean): YamlProblem | undefined => {
    const node = resolve(raw);
    if (node === undefined || node === null || done.has(node)) return undefined;
    done.add(node);
    // An explicit !!int, !!float or !!bool: PyYAML's constructor reads more texts than the
    // package's test (`!!float 1__0` is 10.0) and fails on the others (ValueError, KeyError).
    if (isScalar(node) && node.tag && node.tag in TYPED && typeof node.value !== TYPED[node.tag]) {
      const value = typedValue(node.tag, String(node.source ?? node.value));
      if (value === undefined) return problem(node, `a ${node.tag.slice(18)} value PyYAML cannot read`);
      node.value = value;
      return undefined;
    }
    const tag = tagOf(node);
    if (tag && !asKey && COLLECTION_TAGS.has(String((node as Node).tag))) {
      // A collection tag on the wrong kind of node (`!!map ON`): PyYAML's collection constructors
      // are generators that check the node only when resumed, with the next level's nodes.
      next.push({ deferred: problem({ range: tag.pos }, "unresolved tag") });
      return undefined;
    }
    if (tag) return problem({ range: tag.pos }, "unresolved tag");
    if (isCollection(node) || isPair(node)) {
      if (asKey) return problem(raw, "a list or mapping used as a key");
      next.push(node);
      return undefined;
    }
    if (!isScalar(node)) return undefined;
    if (node.type === "PLAIN" && !node.tag && !asKey) {
      // (Folding cannot make "<<" or "=" of a longer plain text.)
      const value = typeof node.value === "symbol" ? "<<" : String(node.value);
      if (value === "<<" || value === "=") return problem(node, `a plain "${value}" value (quote it)`);
    }
    if (
      node.tag === "tag:yaml.org,2002:binary" &&
      !isBase64(text.slice(...(node.range ?? [0, 0]).slice(0, 2)))
    )
      return problem(node, "!!binary text that is not base64");
    return undefined;
  };
  /** A mapping's pairs after its merges, as PyYAML flattens them, or the merge problem. */
  const flatten = (map: Node, seen = new Set<unknown>()): Pair[] | YamlProblem => {
    if (!isMap(map) || seen.has(map)) return [];
    seen.add(map);
    const merged: Pair[] = [];
    const own: Pair[] = [];
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      if (!(isScalar(key) && typeof key.value === "symbol")) {
        own.push(pair);
        continue;
      }
      const value = resolve(pair.value);
      const sources = isSeq(value)
        ? value.items.map((item) => [item, resolve(item)] as const)
        : [[pair.value, value] as const];
      // PyYAML marks the node itself (where an alias's anchor is).
      const at = (raw: unknown, node: unknown) => (node ?? raw) as Node;
      if (!isMap(value) && !isSeq(value))
        return problem(
          at(pair.value, value),
          "a merge key (<<) whose value is not a mapping or a list of mappings",
        );
      for (const [raw, source] of sources) {
        if (!isMap(source))
          return problem(at(raw, source), "a merge key (<<) list item that is not a mapping");
        const inner = flatten(source, seen);
        if (!Array.isArray(inner)) return inner;
        budget -= inner.length;
        if (budget < 0) return OVER_BUDGET;
        merged.push(...inner);
      }
    }
    return [...merged, ...own];
  };
  while (next.length > 0) {
    const level = next;
    next = [];
    for (const node of level) {
      if (isDeferred(node)) return node.deferred;
      if (isMap(node)) {
        const pairs = flatten(node);
        if (pairs === OVER_BUDGET) return undefined;
        if (!Array.isArray(pairs)) return pairs;
        for (const pair of pairs) {
          const found = construct(pair.key, true) ?? construct(pair.value, false);
          if (found) return found;
        }
      } else if (isSeq(node)) {
        for (const item of node.items) {
          const found = construct(item, false);
          if (found) return found;
        }
      } else if (level.length === 1 && node === doc.contents) {
        const found = construct(node, false);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** Where each node of `doc` starts, ascending. */
function collectStarts(doc: Document, visit: ReturnType<typeof requireYaml>["visit"]): number[] {
  const starts: number[] = [];
  visit(doc, {
    Node(_key, node) {
      if (node.range) starts.push(node.range[0]);
    },
  });
  return starts.sort((a, b) => a - b);
}

/** The tags whose PyYAML constructors are generators (SafeConstructor's map, seq, omap, pairs, set). */
const COLLECTION_TAGS = new Set(["map", "seq", "omap", "pairs", "set"].map((t) => `tag:yaml.org,2002:${t}`));

/** A problem {@link constructionProblem} meets with the next level's nodes. */
interface Deferred {
  deferred: YamlProblem;
}

function isDeferred(node: unknown): node is Deferred {
  return typeof node === "object" && node !== null && "deferred" in node;
}

/** Merged pairs {@link constructionProblem} copies at most (about 100 times YAML_MAX_ALIAS_COUNT). */
const FLATTEN_BUDGET = 1_000_000;
/** What `flatten` gives once the budget is spent. */
const OVER_BUDGET: YamlProblem = { reason: "over budget", line: 0, column: 0 };

const TYPED: Record<string, string> = {
  "tag:yaml.org,2002:bool": "boolean",
  "tag:yaml.org,2002:int": "number",
  "tag:yaml.org,2002:float": "number",
};

/** What PyYAML's constructor for `tag` makes of `text`, or `undefined` where it raises. */
function typedValue(tag: string, text: string): number | boolean | undefined {
  const value = text.replace(/_/g, "").trim();
  if (tag.endsWith("bool")) return BOOLS[value.toLowerCase()];
  if (!tag.endsWith("float")) {
    const int = pyyamlInt(value);
    return int === undefined ? undefined : Number(int);
  }
  const sign = value.startsWith("-") ? -1 : 1;
  const lower = value.replace(/^[+-]/, "").toLowerCase();
  if (lower === ".inf") return sign * Number.POSITIVE_INFINITY;
  if (lower === ".nan") return Number.NaN;
  if (lower.includes(":")) {
    // Sexagesimal: 1:20.5 is 80.5.
    const parts = lower.split(":");
    if (!parts.every((p) => /^\d+(?:\.\d*)?$/.test(p))) return undefined;
    return sign * parts.reduce((sum, p) => sum * 60 + Number(p), 0);
  }
  return /^(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?|nan)$/.test(lower)
    ? sign * Number(lower.replace(/^inf(inity)?$/, "Infinity"))
    : undefined;
}

const BOOLS: Record<string, boolean> = {
  yes: true,
  no: false,
  true: true,
  false: false,
  on: true,
  off: false,
};

/** Whether Python's `base64.decodebytes` reads `source` (a scalar's text, quotes included): whole 4-character groups, padding complete. */
function isBase64(source: string): boolean {
  const body = source.replace(/^["']|["']$/g, "");
  const data = /^[^=]*/.exec(body.replace(/[^A-Za-z0-9+/=]/g, ""))?.[0] ?? "";
  const rest = body.replace(/[^A-Za-z0-9+/=]/g, "").slice(data.length);
  const remainder = data.length % 4;
  if (remainder === 1) return false;
  return remainder === 0 || rest.startsWith(remainder === 2 ? "==" : "=");
}
