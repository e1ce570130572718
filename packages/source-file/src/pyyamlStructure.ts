import type { CST, Document, DocumentOptions, LineCounter, Node, SchemaOptions } from "yaml";
import type { YamlProblem } from "./describeYamlError.js";
import { cstSourceTokens } from "./cstSourceTokens.js";
import { libyamlAnchorProblem } from "./libyamlAnchors.js";
import { libyamlBlockHeaderProblem } from "./libyamlBlockHeaders.js";
import { libyamlTabProblem } from "./libyamlTabs.js";
import { requireYaml } from "./requireYaml.js";

/**
 * The syntax PyYAML (libyaml, Airflow's `CSafeLoader`) refuses and the `yaml` package accepts, found
 * in the CST of a text the package parsed without error: a `:` with no key before it and no `?`
 * (`: x`, `{: x}`, `[: x]`: libyaml's "did not find expected key" / "did not find expected node
 * content", at the `:`), and an implicit key of a flow mapping whose `:` is on a later line than the
 * key starts (`{a\n : 1}`: libyaml's "did not find expected ',' or '}'", at the `:`). The earliest
 * one, 1-based, with its offset (also a directive libyaml refuses: not `%YAML 1.1`/`1.2` or `%TAG`;
 * and the token-level problems of anchors, block scalar headers and tabs, marked `scanner`: libyaml's
 * scanner meets those, which runs a token ahead of its parser); `undefined` when there is none. The
 * CST is read even when the package found errors, so the caller can tell which comes first.
 *
 * @example
 * ```ts
 * const lc = new LineCounter();
 * pyyamlSyntaxProblem(": x\n", lc); // { reason: "a value without a key (...)", line: 1, column: 1 }
 * ```
 */
export function pyyamlSyntaxProblem(
  text: string,
  lineCounter: LineCounter,
): (YamlProblem & { offset: number; scanner: boolean }) | undefined {
  if (!/[:%\t&*]/.test(text)) return undefined;
  const { CST: cst, Parser } = requireYaml();
  let found: { reason: string; offset: number; scanner: boolean } | undefined;
  const note = (reason: string, offset: number, scanner = false) => {
    if (!found || offset < found.offset) found = { reason, offset, scanner };
  };
  const tokens = [...new Parser().parse(text)];
  for (const token of tokens) {
    if (token.type === "directive") {
      // libyaml knows %YAML 1.1 and 1.2 and %TAG; any other is an error ("found unknown directive
      // name", "found incompatible YAML document"), where the package warns.
      const [, name, major, minor] = /^%(\S*)(?:[ \t]+(\d+)\.(\d+))?/.exec(token.source) ?? [];
      if (name !== "YAML" && name !== "TAG") note("an unknown directive (only %YAML and %TAG)", token.offset);
      else if (name === "YAML" && !(major === "1" && (minor === "1" || minor === "2")))
        note("an incompatible YAML version (PyYAML reads %YAML 1.1 and 1.2)", token.offset);
    }
    if (token.type !== "document") continue;
    cst.visit(token as CST.Document, (item, path) => {
      const colon = item.sep?.find((t) => t.type === "map-value-ind");
      const explicit = item.start.some((t) => t.type === "explicit-key-ind");
      // `? k:` then a line indented between the "?" and "k": the package takes that line's mapping
      // for the explicit key's value without a ":"; libyaml finds no key there.
      if (explicit && !colon && item.value && "offset" in item.value)
        note(
          "a line between an explicit key's ? and its mapping (did not find expected key)",
          item.value.offset,
        );
      if (!colon || explicit) return;
      if (!item.key) {
        note('a value without a key (a ":" with nothing before it; use "? " for an empty key)', colon.offset);
        return;
      }
      const parent = cst.visit.parentCollection(token as CST.Document, path);
      if (parent.type !== "flow-collection") return;
      const keyStart = (item.key as { offset: number }).offset;
      if (lineCounter.linePos(keyStart).line !== lineCounter.linePos(colon.offset).line)
        note("an implicit key spans more than one line", colon.offset);
    });
  }
  const sourceTokens = cstSourceTokens(tokens);
  for (const problem of [libyamlAnchorProblem(sourceTokens), libyamlBlockHeaderProblem(sourceTokens)])
    if (problem) note(problem.reason, problem.offset, true);
  const tab = libyamlTabProblem(text);
  if (tab) note(tab.reason, tab.offset, true);
  if (!found) return undefined;
  const at = lineCounter.linePos(found.offset);
  return { ...found, line: at.line, column: at.col };
}

/** The prefix of the stand-in keys {@link markNonStringKeys} gives: a NUL, which no YAML key can start with unescaped. */
const NON_STRING_KEY = "\u0000non-string key ";

/**
 * Renames each top-level key of `doc` that PyYAML reads as something other than a string (`null`,
 * `~`, an empty key, `yes`, `1`, `1.5`, a date) to a stand-in no string id can equal. Airflow builds
 * such an entry (`Connection(conn_id=None, ...)`, its value checked as any other) under a Python key
 * no `get_connection(<string>)` matches, so awsconn reads the entry but gives it no id
 * ({@link isNonStringKey}). Renaming also keeps `1` and `"1"` apart, as two keys of a Python dict are.
 *
 * @example
 * ```ts
 * const doc = parseDocument("1: aws://h\n", { version: "1.1" });
 * markNonStringKeys(doc);
 * isNonStringKey(Object.keys(doc.toJS())[0]); // true
 * ```
 */
export function markNonStringKeys(doc: Document): void {
  const { isMap, isScalar, Scalar } = requireYaml();
  if (!isMap(doc.contents)) return;
  doc.contents.items.forEach((pair, n) => {
    const key = pair.key as Node | null;
    if (key !== null && (!isScalar(key) || typeof key.value === "string" || typeof key.value === "symbol"))
      return; // a string, a collection (refused by unhashableKeyProblem) or the merge key `<<`
    const value = key === null ? null : key.value;
    const kind = value === null ? "null" : value instanceof Date ? "date" : typeof value;
    const stand = new Scalar(`${NON_STRING_KEY}${n} (${kind})`);
    stand.range = key?.range ?? (pair.value as Node | null)?.range;
    pair.key = stand;
  });
}

/** Whether a key of the value {@link markNonStringKeys} marked is one of its stand-ins. */
export function isNonStringKey(key: string): boolean {
  return key.startsWith(NON_STRING_KEY);
}

/**
 * Gives every `!!null` scalar of `doc` the value `null`, as PyYAML's safe loader does whatever the
 * text (`!!null 1__0`, `!!null x`), where the `yaml` package keeps the text and warns; returns where
 * each starts, so the caller can drop those warnings. Also, as PyYAML: a plain scalar with the
 * non-specific tag `!` is resolved as if untagged (`! ~` is null; re-read with `options`). (A null
 * key below the top level becomes the text "null" in `pyyamlKeyTexts`.)
 *
 * @example
 * ```ts
 * const doc = parseDocument("a: !!null x\n", { version: "1.1" });
 * nullTaggedScalars(doc, "a: !!null x\n", { version: "1.1" }); // [10]; doc.toJS() is { a: null }
 * ```
 */
export function nullTaggedScalars(
  doc: Document,
  text: string,
  options: DocumentOptions & SchemaOptions,
): number[] {
  const { isScalar, parseDocument, visit } = requireYaml();
  const starts: number[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.tag === "!" && node.type === "PLAIN" && node.range) {
        // The non-specific tag `!`: PyYAML resolves the plain text as if untagged (`! ~` is None).
        const alone = parseDocument(text.slice(node.range[0], node.range[1]), options);
        if (isScalar(alone.contents)) node.value = alone.contents.value;
        node.tag = undefined;
        return;
      }
      if (node.tag !== "tag:yaml.org,2002:null" || node.value === null) return;
      node.value = null;
      starts.push(node.range?.[0] ?? 0);
    },
  });
  return starts;
}
