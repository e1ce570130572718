import type { Alias, Node, ScalarTag, Tags } from "yaml";
import type { LineTree } from "@awsconn/core";
import { describeYamlError, type YamlProblem } from "./describeYamlError.js";
import { linearYamlAliases } from "./linearYamlAliases.js";
import { readPlainYaml } from "./readPlainYaml.js";
import { requireYaml } from "./requireYaml.js";
import { yamlNestingProblem } from "./yamlNestingProblem.js";

/** A YAML problem at a 1-based line (and column, when known); the reason never quotes the text. */
export class YamlTextError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(`${reason} (line ${line})`);
  }

  /** The error for a {@link YamlProblem}: `<prefix>: <reason> (column N)` at its line. */
  static of(prefix: string, problem: YamlProblem): YamlTextError {
    return new YamlTextError(
      `${prefix}: ${problem.reason} (column ${problem.column})`,
      problem.line,
      problem.column,
    );
  }
}

/**
 * The alias budget of a YAML file (the `yaml` package's `maxAliasCount`: an anchor's uses times the
 * aliases nested inside it). Enough for thousands of `<<: *defaults` merges; a "billion laughs" file,
 * whose nested aliases multiply, exceeds it at once and is refused.
 */
export const YAML_MAX_ALIAS_COUNT = 10_000;

// Only the top three levels need lines: entry -> list item -> connection field.
const TREE_DEPTH = 3;

/**
 * How awsconn reads a YAML connections file, as PyYAML's safe loader (and so Airflow) does: YAML 1.1
 * (`yes`/`no` booleans, `<<` merge keys) with PyYAML's own implicit types, repeated keys allowed
 * (the last wins). The writer (`setYamlEntry`) edits documents parsed with the same options.
 */
export const PYYAML_DOCUMENT_OPTIONS = {
  version: "1.1",
  customTags: pyyamlTags,
  uniqueKeys: false,
  merge: true,
} as const;

/**
 * Parses a YAML connections file as YAML 1.1 (the version PyYAML, and so Airflow, speaks:
 * `yes`/`no` booleans, `<<` merge keys; repeated keys allowed, the last wins) and returns the
 * value plus the line of every key down to connection fields. A file in YAML's plain block subset
 * is read without the `yaml` package ({@link readPlainYaml}). Alias expansion is bounded by
 * {@link YAML_MAX_ALIAS_COUNT}; error messages never quote the text.
 *
 * @example
 * ```ts
 * parseYamlText("aws_default:\n  conn_type: aws\n").tree.fields?.get("aws_default")?.line; // 1
 * ```
 */
export function parseYamlText(text: string): { value: unknown; tree: LineTree } {
  const tooDeep = yamlNestingProblem(text);
  if (tooDeep) throw new YamlTextError(tooDeep.reason, tooDeep.line);
  return readPlainYaml(text, TREE_DEPTH) ?? parseYamlWithPackage(text);
}

/**
 * {@link parseYamlText} through the `yaml` package, for a text beyond {@link readPlainYaml}'s subset
 * (and, in tests, the reference it is checked against).
 */
export function parseYamlWithPackage(text: string): { value: unknown; tree: LineTree } {
  const { LineCounter, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  // logLevel "error": the `yaml` package would otherwise print warnings that quote keys.
  const doc = parseDocument(text, {
    ...PYYAML_DOCUMENT_OPTIONS,
    prettyErrors: false,
    lineCounter,
    logLevel: "error",
  });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const [first, second] = doc.errors;
  if (first) {
    const problem = describeYamlError(first, doc, text, lineCounter);
    // PyYAML reports a key spread over lines ("mapping values are not allowed here") where the
    // offending ":" is, which is where this parser's follow-up error ends.
    if (first.code === "BLOCK_AS_IMPLICIT_KEY" && second?.code === "MULTILINE_IMPLICIT_KEY")
      problem.line = lineOf(second.pos[1]);
    throw YamlTextError.of("YAML syntax error", problem);
  }
  // PyYAML's safe loader refuses tags it cannot construct (!!python/object, !custom).
  const tag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (tag) throw YamlTextError.of("YAML error", describeYamlError(tag, doc, text, lineCounter));
  const targets = linearYamlAliases(doc);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (error) {
    const problem = describeYamlError(error, doc, text, lineCounter);
    if (/alias expansion/.test(problem.reason))
      problem.reason = `alias expansion exceeds the limit of ${YAML_MAX_ALIAS_COUNT} (a "billion laughs" file?)`;
    throw YamlTextError.of("YAML error", problem);
  }
  return { value, tree: buildTree(targets, doc.contents as Node | null, 0, lineOf) };
}

// Where PyYAML's implicit types (its Resolver) differ from the YAML 1.1 schema of `yaml`: no lone
// y/Y/n/N booleans; no decimal int with a leading zero ("08" is a string); a float needs a "." and an
// exponent needs a sign ("1e3" is a string). Keyed by the `yaml` test it replaces.
const PYYAML_TESTS: Record<string, RegExp> = {
  "^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$": /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  "^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$": /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  "^[-+]?[0-9][0-9_]*$": /^[-+]?(?:0|[1-9][0-9_]*)$/,
  "^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$":
    /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)[eE][-+][0-9]+$/,
  "^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$": /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)$/,
};

/** PyYAML's implicit types on top of the `yaml` package's YAML 1.1 schema (see {@link PYYAML_DOCUMENT_OPTIONS}). */
function pyyamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== "object" || !("test" in tag) || !(tag.test instanceof RegExp)) return tag;
    const test = PYYAML_TESTS[tag.test.source];
    return test ? ({ ...tag, test } as ScalarTag) : tag;
  });
}

function keyString(key: unknown): string {
  const v = requireYaml().isScalar(key) ? key.value : key;
  if (v === null || v === undefined) return "";
  return String(v);
}

function buildTree(
  targets: Map<Alias, Node>,
  node: Node | null,
  depth: number,
  lineOf: (o?: number) => number,
): LineTree {
  const tree: LineTree = { line: lineOf(node?.range?.[0]) };
  if (depth >= TREE_DEPTH) return tree;
  const { isAlias, isMap, isSeq } = requireYaml();
  const target = isAlias(node) ? targets.get(node) : node;
  if (!target) return tree;
  if (isMap(target)) {
    tree.fields = new Map();
    for (const pair of target.items) {
      const child = buildTree(targets, pair.value as Node | null, depth + 1, lineOf);
      const keyNode = pair.key as Node | null;
      child.line = lineOf(keyNode?.range?.[0]);
      tree.fields.set(keyString(keyNode), child); // a repeated key keeps its first place, like a Python dict
    }
  } else if (isSeq(target)) {
    tree.items = target.items.map((item) => buildTree(targets, item as Node | null, depth + 1, lineOf));
  }
  return tree;
}
