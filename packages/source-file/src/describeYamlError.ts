import type { Alias, CST, Document, LineCounter } from "yaml";
import { libyamlLoneProperty } from "./libyamlLoneProperty.js";
import { keyWithoutValueMark } from "./libyamlMarks.js";
import { libyamlQuotedScalarEnd } from "./libyamlQuotedScalarEnd.js";
import { linearYamlAliases } from "./linearYamlAliases.js";
import { requireYaml } from "./requireYaml.js";

/** A YAML problem: the parser's reason in awsconn's words (never the text) and where it is, 1-based. */
export interface YamlProblem {
  reason: string;
  line: number;
  column: number;
}

// The `yaml` package's messages often quote the source (`Unresolved tag: !Passw0rd`, a block scalar
// header, an escape, an alias name), so none is passed on: a fixed reason per message shape, else per code.
const BY_MESSAGE: [RegExp, string][] = [
  [/^Missing closing "quote/, 'unclosed quoted scalar (")'],
  [/^Missing closing 'quote/, "unclosed quoted scalar (')"],
  [
    /^Block scalar header includes extra characters/,
    "bad block scalar header (only | or >, an indentation digit and + or - may follow)",
  ],
  [/^Implicit map keys need to be followed by map values/, 'a key without a value (missing ":")'],
  [/^Implicit keys need to be on a single line/, "an implicit key spans more than one line"],
  [
    /^Nested mappings are not allowed in compact mappings/,
    "bad indentation (a mapping nested on its key's line)",
  ],
  [/^Tabs are not allowed as indentation/, "a tab used as indentation"],
  [
    /^Plain value cannot start with reserved character/,
    "a plain value starts with a reserved character (@, ` or %)",
  ],
  [/^Sequence item without - indicator/, "a sequence item without its - indicator"],
  [/^Missing directives-end/, "a directive (%YAML, %TAG) without a document start (---) after it"],
  [/^Unresolved tag/, "unresolved tag"],
  [/^Invalid escape sequence/, "invalid escape sequence in a double-quoted scalar"],
  [
    /^Block collections are not allowed within flow collections/,
    "a block collection inside a flow collection",
  ],
  [/^Unresolved alias/, "unresolved alias (its anchor is not defined before it)"],
  [/^Excessive alias count/, 'alias expansion exceeds the limit (a "billion laughs" file?)'],
];
const BY_CODE: Record<string, string> = {
  ALIAS_PROPS: "an alias with a tag or anchor",
  BAD_ALIAS: "bad alias",
  BAD_DIRECTIVE: "bad directive",
  BAD_DQ_ESCAPE: "invalid escape sequence in a double-quoted scalar",
  BAD_INDENT: "bad indentation",
  BAD_PROP_ORDER: "anchor and tag in the wrong order",
  BAD_SCALAR_START: "a plain value starts with a reserved character",
  BLOCK_AS_IMPLICIT_KEY: "a block collection used as an implicit key",
  BLOCK_IN_FLOW: "a block collection inside a flow collection",
  DUPLICATE_KEY: "duplicate key",
  KEY_OVER_1024_CHARS: "an implicit key longer than 1024 characters",
  MISSING_CHAR: "a missing character",
  MULTILINE_IMPLICIT_KEY: "an implicit key spans more than one line",
  MULTIPLE_ANCHORS: "more than one anchor on a node",
  MULTIPLE_DOCS: "more than one document",
  MULTIPLE_TAGS: "more than one tag on a node",
  NON_STRING_KEY: "a key that is not a string",
  RESOURCE_EXHAUSTION: 'alias expansion exceeds the limit (a "billion laughs" file?)',
  TAB_AS_INDENT: "a tab used as indentation",
  TAG_RESOLVE_FAILED: "unresolved tag",
  UNEXPECTED_TOKEN: "unexpected token",
  BAD_COLLECTION_TYPE: "bad collection type",
};

/**
 * What a `yaml` package error (a parse error or warning of `doc`, or what `doc.toJS()` threw) says,
 * without quoting the text: the kind of problem (`unresolved tag`, `bad indentation`,
 * `unclosed quoted scalar (")`...) and its 1-based line and column, where PyYAML reports it (an
 * unclosed quote at the end of the text, its reason naming the line and column where it opens).
 *
 * @example
 * ```ts
 * const lc = new LineCounter();
 * const doc = parseDocument('a: 1\nb: "x\nc: 2\n', { lineCounter: lc });
 * describeYamlError(doc.errors[0], doc, text, lc); // { reason: 'unclosed quoted scalar (")', line: 2, column: 4 }
 * ```
 */
export function describeYamlError(
  error: unknown,
  doc: Document,
  text: string,
  lineCounter: LineCounter,
): YamlProblem {
  const { YAMLError } = requireYaml();
  const message = error instanceof Error ? error.message : "";
  const code = error instanceof YAMLError ? error.code : "";
  const reason = BY_MESSAGE.find(([shape]) => shape.test(message))?.[1] ?? BY_CODE[code] ?? "unreadable YAML";
  let offset = error instanceof YAMLError ? error.pos[0] : undefined;
  if (/^Unresolved alias/.test(message)) offset = unresolvedAlias(doc)?.range?.[0];
  // `<<: *nope`: the package fails the merge; PyYAML reports the alias ("found undefined alias").
  const mergedNothing = /^Merge sources must be maps/.test(message) ? unresolvedAlias(doc) : undefined;
  if (mergedNothing)
    return problemAt(
      "unresolved alias (its anchor is not defined before it)",
      mergedNothing.range?.[0] ?? 0,
      lineCounter,
    );
  // `- a:\n  b: 1`: the package points at the end of the item before (or at a comment line between
  // them); PyYAML at the misplaced key, the next token past blanks and comments. So with an item
  // without its `-` (at the blanks of the line before it; "did not find expected '-' indicator").
  if (
    /^(?:All mapping items must start at the same column|Sequence item without - indicator)/.test(message) &&
    offset !== undefined
  )
    offset += /^(?:\s+|(?<!\S)#[^\n]*)*/.exec(text.slice(offset))?.[0].length ?? 0;
  // `[1, 2\n  x: 1]`: PyYAML fails at the ":" ("expected ',' or ']'"), where the key ends.
  if (/^Implicit keys of flow sequence pairs/.test(message)) offset = (error as { pos: number[] }).pos[1];
  // `a: 1\nz\n`: libyaml gives up on the key ("could not find expected ':'") at the next token after
  // it, past blanks, comments and line breaks; at the end of the text, on the line after the last.
  const [start = 0, end = start] = error instanceof YAMLError ? error.pos : [];
  // `{t: on\n b: 1}`: a plain scalar inside a flow collection goes on over lines, up to a ":";
  // libyaml fails there ("did not find expected ',' or '}'"), where the package's key ends, or at
  // the next token past a comment that ended the scalar (`[1, 2\n  # c\n  x: 1]`: at the "x").
  if (code === "MULTILINE_IMPLICIT_KEY" && insideFlow(text, start))
    offset = end + (/^[ \t]*(?:(?:#[^\n]*)?\n[ \t]*)*/.exec(text.slice(end))?.[0].length ?? 0);
  // `   &x\n port: 1` after a block scalar: libyaml fails at the property, not at the key.
  const property =
    code === "MULTILINE_IMPLICIT_KEY" && !insideFlow(text, start)
      ? libyamlLoneProperty(text, start)
      : undefined;
  if (property !== undefined)
    return problemAt(
      "a tag or anchor on a line of its own, indented deeper than the key after it",
      property,
      lineCounter,
    );
  if (
    (/^Implicit map keys need to be followed by map values/.test(message) && code === "MISSING_CHAR") ||
    (code === "MULTILINE_IMPLICIT_KEY" &&
      !/^-\s/.test(text.slice(start, start + 2)) &&
      !insideFlow(text, start))
  )
    return { reason, ...keyWithoutValueMark(text, start, end, lineCounter) };
  const at = lineCounter.linePos(offset ?? 0);
  // A flow collection left open at the end of a text without a final newline: libyaml (Airflow's
  // CSafeLoader) reports the stream end as the start of the next line.
  if (
    /^Flow (sequence|map) in block collection must be sufficiently indented/.test(message) &&
    offset !== undefined &&
    offset >= text.length &&
    !text.endsWith("\n")
  )
    return { reason, line: at.line + 1, column: 1 };
  // A quoted scalar on a line indented less than the block scalar above it: the package refuses it
  // at the quote, libyaml scans it first, so an unclosed one fails where its scan ends.
  const quoteAt = code === "BAD_INDENT" ? offset : undefined;
  const scanned = quoteAt === undefined ? undefined : libyamlQuotedScalarEnd(text, quoteAt);
  if (quoteAt !== undefined && scanned !== undefined && scanned.kind !== "closed") {
    const open = lineCounter.linePos(quoteAt);
    const end = lineCounter.linePos(scanned.offset);
    const what =
      scanned.kind === "marker"
        ? "a document marker (--- or ...) inside a quoted scalar"
        : `unclosed quoted scalar (${text[quoteAt]})`;
    return {
      reason: `${what} opened at line ${open.line}, column ${open.col}`,
      line: end.line,
      column: end.col,
    };
  }
  // Placed where PyYAML places it (the end of the text), and said where the quote opens.
  const opened = /^Missing closing ["']quote/.test(message) ? unclosedQuoteStart(text) : undefined;
  const after = opened === undefined ? undefined : textAfterClosingQuote(text, opened);
  if (after !== undefined)
    return problemAt(
      "text after a quoted scalar that goes over lines (a key needs a line of its own)",
      after,
      lineCounter,
    );
  if (opened !== undefined) {
    const open = lineCounter.linePos(opened);
    return {
      reason: `${reason} opened at line ${open.line}, column ${open.col}`,
      line: at.line,
      column: at.col,
    };
  }
  return { reason, line: at.line, column: at.col };
}

/** A problem at an offset of the text, placed by its line and column. */
function problemAt(reason: string, offset: number, lineCounter: LineCounter): YamlProblem {
  const at = lineCounter.linePos(offset);
  return { reason, line: at.line, column: at.col };
}

/**
 * `a: 'x\n'k: 1`: a quoted scalar the package leaves open (its next line is indented less than it
 * wants) that libyaml closes on a later line, followed there by more than blanks and a comment.
 * libyaml fails at that text ("did not find expected key", "mapping values are not allowed"): its
 * offset, else `undefined` (also inside a flow collection, where `,` and `]` may follow).
 */
function textAfterClosingQuote(text: string, quoteAt: number): number | undefined {
  const scanned = libyamlQuotedScalarEnd(text, quoteAt);
  if (scanned?.kind !== "closed" || insideFlow(text, quoteAt)) return undefined;
  const rest = /^[ \t]*/.exec(text.slice(scanned.offset + 1))?.[0].length ?? 0;
  const at = scanned.offset + 1 + rest;
  return at >= text.length || /[\n\r#]/.test(text[at] as string) ? undefined : at;
}

/** Whether `offset` is inside a flow collection (`[ ]`, `{ }`) of the text's CST. */
function insideFlow(text: string, offset: number): boolean {
  const { CST: cst, Parser } = requireYaml();
  let inside = false;
  const check = (token: CST.Token | null | undefined) => {
    if (token?.type !== "flow-collection") return;
    const last = token.end[token.end.length - 1];
    const close = last ? last.offset + last.source.length : Number.POSITIVE_INFINITY;
    if (token.offset <= offset && offset < close) inside = true;
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== "document") continue;
    check(token.value);
    cst.visit(token as CST.Document, (item) => {
      check(item.key);
      check(item.value);
      return inside ? cst.visit.BREAK : undefined;
    });
  }
  return inside;
}

/**
 * The first alias of `doc` with no anchor before it, which PyYAML's composer reports ("found
 * undefined alias") in stream order with syntax errors; `undefined` when there is none.
 *
 * @example
 * ```ts
 * unresolvedAlias(parseDocument("a: *x\n"))?.range?.[0]; // 3
 * ```
 */
export function unresolvedAlias(doc: Document): Alias | undefined {
  const targets = linearYamlAliases(doc);
  let found: Alias | undefined;
  const { visit } = requireYaml();
  visit(doc, {
    Alias(_key, node) {
      if (targets.has(node)) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function unclosedQuoteStart(text: string): number | undefined {
  const unclosed = (token: CST.Token | undefined) =>
    (token?.type === "double-quoted-scalar" || token?.type === "single-quoted-scalar") &&
    (token.source.length < 2 || !token.source.endsWith(token.source[0] as string));
  const { CST, Parser } = requireYaml();
  for (const token of new Parser().parse(text)) {
    if (token.type !== "document") continue;
    if (unclosed(token.value)) return token.value?.offset;
    let found: number | undefined;
    if (token.value)
      CST.visit(token as CST.Document, (item) => {
        for (const t of [item.key, item.value]) {
          if (t && unclosed(t)) {
            found = (t as { offset: number }).offset;
            return CST.visit.BREAK;
          }
        }
        return undefined;
      });
    if (found !== undefined) return found;
  }
  return undefined;
}
