import type { Alias, Document, LineCounter, Node, ScalarTag, Tags } from "yaml";
import type { LineTree } from "@awsconn/core";
import { composerProblem } from "./composerProblem.js";
import { describeYamlError, type YamlProblem } from "./describeYamlError.js";
import { linearYamlAliases } from "./linearYamlAliases.js";
import { padFlowContinuations } from "./padFlowContinuations.js";
import { chompAtEndOfText } from "./pyyamlBlockScalarEnd.js";
import { restoreLineSeparators, splitLineSeparators } from "./pyyamlLineSeparators.js";
import { constructionProblem } from "./pyyamlConstruct.js";
import { markNonStringKeys, nullTaggedScalars, pyyamlSyntaxProblem } from "./pyyamlStructure.js";
import { libyamlLineStartBoms } from "./libyamlLineStartBoms.js";
import { libyamlScanAhead } from "./libyamlScanAhead.js";
import { pyyamlJsonShapes } from "./pyyamlJsonShapes.js";
import { pyyamlKeyTexts } from "./pyyamlKeyTexts.js";
import { readPlainYaml } from "./readPlainYaml.js";
import { requireYaml } from "./requireYaml.js";
import { yamlNestingProblem } from "./yamlNestingProblem.js";

/** A YAML problem at a 1-based line (and column, when known); the reason never quotes the text. */
export class YamlTextError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column?: number,
    /** A problem of PyYAML's constructor, which runs once the whole document is read. */
    readonly constructing = false,
  ) {
    super(`${reason} (line ${line})`);
  }

  /** The error for a {@link YamlProblem}: `<prefix>: <reason> (column N)` at its line. */
  static of(prefix: string, problem: YamlProblem, constructing = false): YamlTextError {
    return new YamlTextError(
      `${prefix}: ${problem.reason} (column ${problem.column})`,
      problem.line,
      problem.column,
      constructing,
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
export function parseYamlText(raw: string): { value: unknown; tree: LineTree } {
  // PyYAML's reader refuses the characters YAML 1.1 leaves out (C0 and C1 controls but tab, line
  // breaks and NEL; U+FFFE, U+FFFF): "unacceptable character", before it reads anything.
  const bad = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(raw);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    const line = raw.slice(0, bad.index).split(/\n|\u2028|\u2029/).length;
    throw new YamlTextError(`YAML error: a character YAML does not allow (U+${code})`, line);
  }
  // U+2028 and U+2029 are line breaks to PyYAML: lines as it counts them, values as it reads them.
  const split = splitLineSeparators(raw);
  const { separators } = split;
  const { text, problem: afterBom } = libyamlLineStartBoms(split.text);
  const tooDeep = yamlNestingProblem(text);
  if (tooDeep) throw new YamlTextError(tooDeep.reason, tooDeep.line);
  if (afterBom === undefined)
    return readPlainYaml(text, TREE_DEPTH) ?? parseYamlWithPackage(text, separators);
  // A line-start byte order mark ends the value before it: a problem unless the text fails before
  // (the text before the problem's line: after it, the package reads what the mark's space joined).
  try {
    parseYamlWithPackage(text.slice(0, lineOffset(text, afterBom.line)), separators);
  } catch (error) {
    // (PyYAML constructs after the whole document is read: a construction problem comes later.)
    if (error instanceof YamlTextError && !error.constructing && error.line < afterBom.line) throw error;
  }
  throw YamlTextError.of("YAML syntax error", afterBom);
}

/** The offset where 1-based `line` starts (line breaks as libyaml counts them). */
function lineOffset(text: string, line: number): number {
  const breaks = /\r\n|\r|\n/g;
  let at = 0;
  for (let n = 1; n < line; n++) {
    const found = breaks.exec(text);
    if (!found) return text.length;
    at = found.index + found[0].length;
  }
  return at;
}

function parseWithLines(text: string): { doc: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  // PyYAML resolves YAML 1.1 types whatever a %YAML directive says (one after the byte order mark
  // too); the package would switch to 1.2.
  const source = text.includes("%YAML")
    ? text.replace(/^(\ufeff?)%YAML([ \t]+)1\.2(?=\s|$)/gm, "$1%YAML$21.1")
    : text;
  // logLevel "error": the `yaml` package would otherwise print warnings that quote keys.
  const doc = parseDocument(source, {
    ...PYYAML_DOCUMENT_OPTIONS,
    prettyErrors: false,
    lineCounter,
    logLevel: "error",
  });
  return { doc, lineCounter };
}

/**
 * {@link parseYamlText} through the `yaml` package, for a text beyond {@link readPlainYaml}'s subset
 * (and, in tests, the reference it is checked against).
 */
export function parseYamlWithPackage(
  source: string,
  separators = new Map<number, string>(),
): { value: unknown; tree: LineTree } {
  let text = source;
  let { doc, lineCounter } = parseWithLines(text);
  // libyaml ignores the indentation of lines inside flow collections and quoted scalars: when the
  // package trips on it, the same text with those lines moved right is read instead, if that gets
  // further (a clean parse, or a first error at a later place).
  const { text: padded, markerInQuote, pads } = doc.errors.length > 0 ? padFlowContinuations(text) : {};
  // A problem of the moved text, at its column in the text as written.
  let shifted = new Map<number, number>();
  const raise = (prefix: string, problem: YamlProblem, constructing = false) =>
    YamlTextError.of(
      prefix,
      { ...problem, column: Math.max(1, problem.column - (shifted.get(problem.line) ?? 0)) },
      constructing,
    );
  let syntax = pyyamlSyntaxProblem(text, lineCounter);
  if (markerInQuote !== undefined) {
    // (Unless libyaml fails before it, on a construct only it refuses.)
    if (syntax && syntax.line < markerInQuote) throw YamlTextError.of("YAML syntax error", syntax);
    throw new YamlTextError(
      "YAML syntax error: a document marker (--- or ...) inside a quoted scalar",
      markerInQuote,
    );
  }
  if (padded !== undefined) {
    const retry = parseWithLines(padded);
    const retrySyntax = pyyamlSyntaxProblem(padded, retry.lineCounter);
    const at = (d: Document, p: { offset: number } | undefined) =>
      Math.min(errorOffset(d.errors[0]), p?.offset ?? Number.POSITIVE_INFINITY);
    if (at(retry.doc, retrySyntax) > at(doc, syntax)) {
      ({ doc, lineCounter } = retry);
      text = padded;
      syntax = retrySyntax;
      shifted = pads ?? shifted;
    }
  }
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  // libyaml's scanner refuses a plain scalar starting with @ or ` before its parser sees the block
  // around it: that error comes first where the package reports a key problem at the same place.
  // So does a document after a directive without its `---` (the parser's first question after the
  // directives), which the package lists after an error later in that document.
  const early = doc.errors
    .filter((e) => e.code === "BAD_SCALAR_START" || /^Missing directives-end/.test(e.message))
    .sort((a, b) => a.pos[0] - b.pos[0])[0];
  const [first, second] =
    early && doc.errors[0] && early.pos[0] <= doc.errors[0].pos[0] ? [early] : doc.errors;
  // PyYAML stops at the first problem in the text: one of the package's errors, or a construct
  // only PyYAML refuses.
  // (An undefined alias or a repeated anchor too: libyaml's composer meets it as soon as the parser
  // hands it over.)
  const composer = composerProblem(doc);
  // (Not when the package fails at the alias or before it: libyaml's parser then never hands it
  // over, as after a block scalar `      *x` where no key may start.)
  const composerFirst =
    composer !== undefined &&
    (!syntax || composer.offset < syntax.offset) &&
    (!first || composer.offset < first.pos[0]);
  if (syntax && !composerFirst && (!first || syntax.offset <= errorOffset(first)))
    throw raise("YAML syntax error", syntax);
  if (composer !== undefined && composerFirst) {
    const at = lineCounter.linePos(composer.offset);
    throw raise("YAML error", { reason: composer.reason, line: at.line, column: at.col });
  }
  if (first) {
    const problem = describeYamlError(first, doc, text, lineCounter);
    // PyYAML reports a key spread over lines ("mapping values are not allowed here") where the
    // offending ":" is, which is where this parser's follow-up error ends.
    // (The same key, past blanks and comments: a later key spread over lines is another problem.)
    if (
      first.code === "BLOCK_AS_IMPLICIT_KEY" &&
      second?.code === "MULTILINE_IMPLICIT_KEY" &&
      first.pos.some((at) => /^(?:\s|#[^\n]*)*$/.test(text.slice(at, second.pos[0])))
    )
      problem.line = lineOf(second.pos[1]);
    // A construct only libyaml refuses before the place this problem is reported (`    >x` after a
    // block scalar, where a key problem is placed at the key's end, a line on) comes first; so does a
    // scanner problem in the token there or in the blanks after it, which libyaml reads before its
    // parser fails (a tab after a plain scalar over lines, at the scalar's start; a backquote after
    // a tag that could still be a key).
    const problemAt = (lineCounter.lineStarts[problem.line - 1] ?? 0) + problem.column - 1;
    const scannerFirst =
      syntax !== undefined &&
      !composerFirst &&
      (syntax.line < problem.line ||
        (syntax.line === problem.line && syntax.column < problem.column) ||
        (syntax.scanner && syntax.offset < libyamlScanAhead(text, problemAt)));
    throw raise("YAML syntax error", scannerFirst && syntax ? syntax : problem);
  }
  // PyYAML's safe loader refuses tags it cannot construct (!!python/object, !custom) and
  // collections as keys; the first in the text is the one it meets.
  const nulls = nullTaggedScalars(doc, text, PYYAML_DOCUMENT_OPTIONS);
  // (The tag right before a null-tagged scalar is that scalar's; a later tag is not: `slice` of an
  // end before the start is "", which once made every tag after a `!!null` look like its own.)
  const ofNull = (w: { pos: [number, number] }) =>
    nulls.some((at) => at >= w.pos[1] && /^\s*$/.test(text.slice(w.pos[1], at)));
  const tags = doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED" && !ofNull(w));
  const construct = constructionProblem(doc, text, lineCounter, tags);
  if (construct) throw raise("YAML error", construct, true);
  // (A tag the walk did not meet, such as the root's; !!int, !!float, !!bool it has read.)
  const unmet = tags.find((w) => !/^!!(?:int|float|bool)$/.test(text.slice(w.pos[0], w.pos[1])));
  if (unmet) throw raise("YAML error", describeYamlError(unmet, doc, text, lineCounter), true);
  markNonStringKeys(doc);
  pyyamlKeyTexts(doc);
  pyyamlJsonShapes(doc);
  restoreLineSeparators(doc, text, lineCounter, separators);
  chompAtEndOfText(doc, text);
  const targets = linearYamlAliases(doc);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (error) {
    const problem = describeYamlError(error, doc, text, lineCounter);
    if (/alias expansion/.test(problem.reason))
      problem.reason = `alias expansion exceeds the limit of ${YAML_MAX_ALIAS_COUNT} (a "billion laughs" file?)`;
    throw raise("YAML error", problem, true);
  }
  return { value, tree: buildTree(targets, doc.contents as Node | null, 0, lineOf) };
}

/** Where PyYAML meets a package error: a key spread over lines where it ends, at its ":". */
function errorOffset(e: Document["errors"][number] | undefined): number {
  return e === undefined ? Number.POSITIVE_INFINITY : e.pos[e.code === "MULTILINE_IMPLICIT_KEY" ? 1 : 0];
}

// Where PyYAML's implicit types (its Resolver) differ from the YAML 1.1 schema of `yaml`: no lone
// y/Y/n/N booleans; no decimal int with a leading zero ("08" is a string); a float needs a "." and an
// exponent needs a sign ("1e3" is a string); a sexagesimal int starts with 1-9. Keyed by the `yaml`
// test it replaces.
const PYYAML_TESTS: Record<string, RegExp> = {
  "^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$": /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  "^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$": /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  "^[-+]?[0-9][0-9_]*$": /^[-+]?(?:0|[1-9][0-9_]*)$/,
  "^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$":
    /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)[eE][-+][0-9]+$/,
  "^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$": /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)$/,
  // A sexagesimal int starts with 1-9 ("0:30" is a string); a sexagesimal float may start with 0.
  "^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$": /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/,
};

/** PyYAML's implicit types on top of the `yaml` package's YAML 1.1 schema (see {@link PYYAML_DOCUMENT_OPTIONS}). */
function pyyamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== "object" || !("test" in tag) || !(tag.test instanceof RegExp)) return tag;
    const test = PYYAML_TESTS[tag.test.source];
    const typed = (test ? { ...tag, test } : tag) as ScalarTag;
    return typed.tag === INT_TAG ? withoutNegativeZero(typed) : typed;
  });
}

const INT_TAG = "tag:yaml.org,2002:int";

/** An int tag whose -0 (`-0`, `-0x0`, `-0:0`) is 0, as a Python int has no negative zero. */
function withoutNegativeZero(tag: ScalarTag): ScalarTag {
  const { resolve } = tag;
  return {
    ...tag,
    resolve: (...args: Parameters<typeof resolve>) => {
      const value = resolve(...args);
      return typeof value === "number" ? value + 0 : value;
    },
  };
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
