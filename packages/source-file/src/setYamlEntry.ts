import type { Document, Node, Pair, ScalarTag, Tags } from "yaml";
import { PYYAML_DOCUMENT_OPTIONS } from "./parseYamlText.js";
import { requireYaml } from "./requireYaml.js";
import { yamlDoubleQuoted, yamlNeedsQuotes } from "./yamlNeedsQuotes.js";

/** New entries are rendered with the scalar forms every YAML reader agrees on (no merge keys). */
const RENDER_OPTIONS = {
  version: "1.1",
  customTags: (tags: Tags) => safeStringifiers(PYYAML_DOCUMENT_OPTIONS.customTags(tags)),
} as const;

/**
 * Sets one entry of a YAML connections file and returns the new text; the text must already read
 * cleanly. The file is edited, not re-serialised: the `yaml` Document locates the entry (the last
 * one, where a key is repeated, as PyYAML reads it) and only its lines are replaced, or the new
 * entry is added after the last one, at the file's indentation; every other byte (entries awsconn
 * cannot look up, comments, anchors, blank lines, CRLF) stays as it was. A file whose top level is a
 * flow mapping (`{...}`) is edited through the Document and re-rendered instead. Strings are written
 * so that PyYAML (Airflow), awsconn and YAML 1.2 readers all read them back unchanged (see
 * {@link yamlNeedsQuotes}); numbers so that PyYAML reads them as numbers (`1.0e-07`, not `1e-7`).
 *
 * @example
 * ```ts
 * setYamlEntry("# mine\nold: http://h\n", "db", { conn_type: "postgres", password: "no" });
 * // '# mine\nold: http://h\ndb:\n  conn_type: postgres\n  password: "no"\n'
 * ```
 */
export function setYamlEntry(text: string, connId: string, value: Record<string, unknown>): string {
  const { parseDocument, isMap, isScalar } = requireYaml();
  const doc = parseDocument(text, PYYAML_DOCUMENT_OPTIONS);
  const map = doc.contents;
  if (map !== null && !isMap(map)) throw new Error("the top level of the file is not a mapping");
  if (map?.flow) throw new Error("the top level of the file is a flow mapping ({...})");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const pairs = (map?.items ?? []) as Pair<unknown, unknown>[];
  const existing = pairs.filter((p) => isScalar(p.key) && String(p.key.value) === connId).pop();
  const first = pairs[0];
  const indent = first ? /^ */.exec(text.slice(lineStart(text, startOf(first)), startOf(first)))?.[0] : "";
  const entry = renderEntry(connId, value, indent ?? "", eol);
  if (existing) {
    const [start, end] = [lineStart(text, startOf(existing)), endOf(text, existing)];
    const shared = anchorUsedOutside(doc, existing, start, end);
    if (shared) throw new Error(`the entry defines the YAML anchor &${shared}, which other entries use`);
    return `${text.slice(0, start)}${entry}${text.slice(end)}`;
  }
  const last = pairs[pairs.length - 1];
  const at = last ? endOf(text, last) : text.length;
  const before = text.slice(0, at);
  const gap = before === "" || before.endsWith("\n") ? "" : eol;
  return `${before}${gap}${entry}${text.slice(at)}`;
}

// ---------------------------------------------------------------------------------------------

/** The lines of one `connId: value` entry at the file's indentation, with the file's line ends. */
function renderEntry(connId: string, value: unknown, indent: string, eol: string): string {
  const { Document, Scalar, YAMLMap, visit } = requireYaml();
  const doc = new Document(null, RENDER_OPTIONS);
  const pair = doc.createPair(connId, value, { aliasDuplicateObjects: false }) as Pair<Node, Node>;
  for (const node of [pair.key, pair.value]) {
    visit(node, {
      Scalar(_key, scalar) {
        if (typeof scalar.value === "string" && yamlNeedsQuotes(scalar.value))
          scalar.type = Scalar.QUOTE_DOUBLE;
      },
    });
  }
  const map = new YAMLMap<Node, Node>(doc.schema);
  map.items.push(pair);
  doc.contents = map;
  return doc
    .toString({ lineWidth: 0 })
    .split("\n")
    .map((line) => (line === "" ? line : `${indent}${line}`))
    .join(eol);
}

/** An anchor defined inside the pair that an alias outside `start..end` refers to. */
function anchorUsedOutside(doc: Document, pair: Pair<unknown, unknown>, start: number, end: number) {
  const anchors = new Set<string>();
  const { visit } = requireYaml();
  visit(pair.value as Node | null, {
    Node(_key, node) {
      if (node.anchor) anchors.add(node.anchor);
    },
  });
  let used: string | undefined;
  if (anchors.size > 0) {
    visit(doc, {
      Alias(_key, alias) {
        const at = alias.range?.[0] ?? start;
        if (anchors.has(alias.source) && (at < start || at >= end)) used = alias.source;
      },
    });
  }
  return used;
}

function startOf(pair: Pair<unknown, unknown>): number {
  return (pair.key as Node).range?.[0] ?? 0;
}

/** Just past the pair's last line (its value, a trailing comment, the line break), before blank lines. */
function endOf(text: string, pair: Pair<unknown, unknown>): number {
  const end = Math.max(...[pair.key, pair.value].map((n) => (n as Node | null)?.range?.[2] ?? 0));
  const nl = text.indexOf("\n", end > 0 && text[end - 1] === "\n" ? end - 1 : end);
  let stop = nl === -1 ? text.length : nl + 1;
  // Blank lines the value's range took in separate this entry from the next: they stay.
  for (;;) {
    const previous = lineStart(text, stop - 1);
    if (previous <= startOf(pair) || !/^[ \t]*\n$/.test(text.slice(previous, stop))) return stop;
    stop = previous;
  }
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/**
 * The `yaml` stringifiers, without the merge key (a new `<<` is a string) and with two changes for
 * PyYAML: a double-quoted string is written whole with
 * escapes for what YAML readers refuse or fold ({@link yamlDoubleQuoted}), and a number in
 * exponent form gets a fraction and a signed exponent (PyYAML reads `1e-7` as a string).
 */
function safeStringifiers(tags: Tags): Tags {
  return tags.flatMap((tag) => {
    if (typeof tag === "object" && tag.tag === "tag:yaml.org,2002:merge") return [];
    if (typeof tag !== "object" || !("stringify" in tag) || typeof tag.stringify !== "function") return tag;
    const original = (tag as ScalarTag).stringify as NonNullable<ScalarTag["stringify"]>;
    if (tag.tag === "tag:yaml.org,2002:str") {
      const stringify: ScalarTag["stringify"] = (item, ctx, onComment, onChompKeep) =>
        item.type === requireYaml().Scalar.QUOTE_DOUBLE
          ? yamlDoubleQuoted(String(item.value))
          : original(item, ctx, onComment, onChompKeep);
      return { ...tag, stringify } as ScalarTag;
    }
    if (tag.tag === "tag:yaml.org,2002:int" || tag.tag === "tag:yaml.org,2002:float") {
      const stringify: ScalarTag["stringify"] = (item, ctx, onComment, onChompKeep) =>
        pyyamlNumber(original(item, ctx, onComment, onChompKeep));
      return { ...tag, stringify } as ScalarTag;
    }
    return tag;
  });
}

function pyyamlNumber(text: string): string {
  const m = /^([-+]?[0-9]+)(\.[0-9]*)?[eE]([-+]?)([0-9]+)$/.exec(text);
  return m ? `${m[1]}${m[2] ?? ".0"}e${m[3] || "+"}${m[4]}` : text;
}
