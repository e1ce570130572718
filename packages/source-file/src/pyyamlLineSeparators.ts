import type { Document, LineCounter, Scalar } from "yaml";
import { requireYaml } from "./requireYaml.js";

/** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR. */
const SEPARATOR = /[\u2028\u2029]/g;

/**
 * The text with U+2028 and U+2029 turned into `\n`, and the lines they ended (1-based, the
 * character each was). libyaml (Airflow's `CSafeLoader`) reads both as line breaks: they end a
 * line, a comment, a plain scalar, and count in its line numbers. Unlike `\n` (and `\r\n`, `\r`,
 * U+0085, which it reads as `\n`), it keeps them in a scalar's value where a break is kept or
 * folded; {@link restoreLineSeparators} puts them back there.
 *
 * @example
 * ```ts
 * splitLineSeparators("a: 1\u2028b: 2\n"); // { text: "a: 1\nb: 2\n", separators: Map { 1 => "\u2028" } }
 * ```
 */
export function splitLineSeparators(text: string): { text: string; separators: Map<number, string> } {
  const separators = new Map<number, string>();
  if (!/[\u2028\u2029]/.test(text)) return { text, separators };
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\n") line++;
    else if (ch === "\u2028" || ch === "\u2029") separators.set(line++, ch);
  }
  return { text: text.replace(SEPARATOR, "\n"), separators };
}

// A private-use character that marks, in a re-read scalar, where a run of line breaks was folded.
const MARK = "\ue000";

/**
 * Gives each scalar of `doc` that spans a line ended by U+2028 / U+2029 (see
 * {@link splitLineSeparators}) the value libyaml gives it: a folded break that is one of them stays
 * that character (`"x\u2028 y"` is `x\u2028y`, where `"x\n y"` is `x y`), an empty line ended by one
 * adds it instead of `\n`, and a literal or folded block scalar keeps it for its line break. `text` is
 * the text `doc` was parsed from, `lineCounter` its lines.
 *
 * @example
 * ```ts
 * const { text, separators } = splitLineSeparators('a: "x\u2028y"\n');
 * const doc = parseDocument(text, { lineCounter });
 * restoreLineSeparators(doc, text, lineCounter, separators); // a: "x\u2028y"
 * ```
 */
export function restoreLineSeparators(
  doc: Document,
  text: string,
  lineCounter: LineCounter,
  separators: Map<number, string>,
): void {
  if (separators.size === 0) return;
  const { visit } = requireYaml();
  const kindAt = (offset: number) => separators.get(lineCounter.linePos(offset).line) ?? "\n";
  visit(doc, {
    Scalar(_key, node: Scalar) {
      const [start, end] = node.range ?? [0, 0];
      const source = text.slice(start, end);
      const breaks: string[] = [];
      for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1))
        breaks.push(kindAt(start + i));
      if (!breaks.some((b) => b !== "\n") || typeof node.value !== "string") return;
      if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
        // The breaks after the header line, in order: the literal value's `\n`s are those.
        const after: string[] = [];
        const headerEnd = text.indexOf("\n", start);
        for (let i = headerEnd + 1, n = text.indexOf("\n", i); n >= 0; n = text.indexOf("\n", n + 1))
          after.push(kindAt(n));
        node.value = blockValue(text, node, after);
      } else node.value = flowValue(source, breaks) ?? node.value;
      return undefined;
    },
  });
}

/** A plain or quoted scalar re-read with a mark after each run of breaks, each run then given libyaml's folding. */
function flowValue(source: string, breaks: string[]): string | undefined {
  const { parseDocument, isScalar } = requireYaml();
  const lines = source.split("\n");
  const runs: { kinds: string[]; escaped: boolean }[] = [];
  let run: string[] = [];
  let escaped = false;
  const double = source.startsWith('"');
  let out = lines[0] as string;
  for (let n = 1; n < lines.length; n++) {
    if (run.length === 0) escaped = double && /(?:^|[^\\])(?:\\\\)*\\$/.test(lines[n - 1] as string);
    run.push(breaks[n - 1] as string);
    const line = lines[n] as string;
    if (line.trim() === "" && n < lines.length - 1) {
      out += `\n${line}`;
      continue;
    }
    const lead = /^[ \t]*/.exec(line)?.[0] ?? "";
    out += `\n${lead}${MARK}${line.slice(lead.length)}`;
    runs.push({ kinds: run, escaped });
    run = [];
  }
  const doc = parseDocument(out, { version: "1.1", schema: "failsafe" });
  if (doc.errors.length > 0 || !isScalar(doc.contents) || typeof doc.contents.value !== "string")
    return undefined;
  const parts = doc.contents.value.split(MARK);
  let value = parts[0] as string;
  for (let r = 0; r < runs.length; r++) {
    const { kinds, escaped } = runs[r] as { kinds: string[]; escaped: boolean };
    const [first, ...rest] = kinds;
    // The package folded the run to one space (one break) or to a `\n` per empty line; an
    // escaped first break (a `\` ending the line) is no content in either.
    const folded = escaped ? rest.length : kinds.length === 1 ? 1 : kinds.length - 1;
    value = value.slice(0, value.length - folded);
    const head = escaped ? "" : first === "\n" ? (kinds.length === 1 ? " " : "") : first;
    value += head + rest.join("") + parts[r + 1];
  }
  return value;
}

/** A literal or folded block scalar's value with its breaks of the right kinds. */
function blockValue(text: string, node: Scalar, breaks: string[]): string {
  let literal = String(node.value);
  if (node.type === "BLOCK_FOLDED") {
    // The same scalar read as literal (same length, same lines): its lines, unfolded.
    const start = node.range?.[0] ?? 0;
    const header = text.indexOf(">", start);
    const { parseDocument, visit } = requireYaml();
    const twin = parseDocument(`${text.slice(0, header)}|${text.slice(header + 1)}`, { version: "1.1" });
    visit(twin, {
      Scalar(_key, other) {
        if (other.range?.[0] !== start) return undefined;
        literal = String(other.value);
        return visit.BREAK;
      },
    });
  }
  let b = 0;
  const kinds: string[] = [];
  const value = literal.replace(/\n/g, () => {
    const kind = breaks[b++] ?? "\n";
    kinds.push(kind);
    return kind === "\n" ? "\n" : kind;
  });
  return node.type === "BLOCK_FOLDED" ? fold(literal, kinds) : value;
}

/**
 * libyaml's folding of a block scalar's lines: a `\n` between two lines that do not start with a
 * blank becomes a space, or goes when empty lines follow it; any other break is kept as it is.
 */
function fold(literal: string, kinds: string[]): string {
  const lines = literal.split("\n");
  const last = lines.map((l) => l !== "").lastIndexOf(true);
  const first = lines.findIndex((l) => l !== "");
  let out = "";
  let k = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    out += line;
    if (n === lines.length - 1) break;
    if (n < first || n >= last || line === "") {
      out += kinds[k++];
      continue;
    }
    // A run: this line's break, then one per empty line up to the next content line.
    let m = n + 1;
    while ((lines[m] as string) === "") m++;
    const run = kinds.slice(k, k + (m - n));
    k += run.length;
    const blank = (l: string) => l.startsWith(" ") || l.startsWith("\t");
    const [b1, ...rest] = run;
    if (b1 === "\n" && !blank(line) && !blank(lines[m] as string))
      out += run.length === 1 ? " " : rest.join("");
    else out += run.join("");
    for (let e = n + 1; e < m; e++) out += lines[e];
    n = m - 1;
  }
  return out;
}
