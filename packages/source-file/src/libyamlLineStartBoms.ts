import type { YamlProblem } from "./describeYamlError.js";
import { lexYamlTokens, type YamlToken } from "./lexYamlTokens.js";
import { padFlowContinuations } from "./padFlowContinuations.js";

/**
 * Byte order marks (U+FEFF) that start a line between tokens, as libyaml's scanner reads them: it
 * skips one at column 0 while it looks for the next token and counts it as a column, so
 * `a:\n b: 1\n\uFEFFc: 2` is `{'a': {'b': 1, 'c': 2}}` to PyYAML (a file made by joining files that
 * each start with one). The `yaml` package reads the BOM into a key. Returns the text with those
 * BOMs made spaces, and the first place where libyaml's reading then fails:
 * - the space would continue the plain scalar before it: libyaml ends that scalar at the BOM's
 *   column 0, and the text after it, indented deeper than a key, is its parser's "did not find
 *   expected key";
 * - the BOM ends a block scalar (libyaml's block scalar lines are indented by at least one space,
 *   so a line-start BOM is never in one), and the next token, which the `yaml` package would read
 *   as more of the scalar, is indented as no key is ("did not find expected key", or "'-'
 *   indicator", "<document start>").
 *
 * A BOM line that ends a block scalar with only blanks or a comment after it becomes a comment
 * (`#`), so that a `|+` scalar keeps no line of it, as libyaml's does not.
 *
 * Left as it is: the first character of the text (the reader drops it), and a BOM in an unclosed
 * quoted scalar (text to libyaml).
 *
 * @example
 * ```ts
 * libyamlLineStartBoms("a:\n b: 1\n\uFEFFc: 2\n").text; // "a:\n b: 1\n c: 2\n"
 * libyamlLineStartBoms("a: 1\n\uFEFFb: 2\n").problem?.line; // 2
 * libyamlLineStartBoms("a: |\n  x\n\uFEFF y\n").problem; // { line: 3, column: 3, ... }
 * ```
 */
export function libyamlLineStartBoms(text: string): { text: string; problem?: YamlProblem } {
  if (text.indexOf("\ufeff", 1) < 0) return { text };
  // The tokens are read from the text as libyaml places its quoted and flow lines (the `yaml`
  // package would end a quote at an under-indented line and read a BOM there as a token); a line
  // break libyaml counts but "\n" does not split (a lone CR) leaves the text as written.
  const padded = /\r(?!\n)/.test(text) ? {} : padFlowContinuations(text);
  const view = new LineView(padded.text ?? text, padded.pads);
  const blanked = lineStartBoms(view.text, (at) => view.atLineStart(at));
  if (blanked.length === 0) return { text };
  // (Offsets are UTF-16 ones; a BOM is one unit, as is its space.)
  const units = view.text.split("");
  for (const at of blanked) units[at] = " ";
  const spaced = units.join("");
  const tokens = lexYamlTokens(spaced);
  const problems: { at: number; reason: string }[] = [];
  const blocks = blockScalarBodies(tokens);
  // A space inside the plain scalar of the line before continues it; libyaml ends it there. (A
  // block scalar's lines are typed by their first character too: `null` for a line break.)
  const plain = tokens.filter((t) => t.type === null && !blocks.includes(t));
  const continued = blanked.find((at) => plain.some((t) => t.start < at && at < t.end));
  if (continued !== undefined) {
    const at = continued + (/^ *[^ ]?/.exec(spaced.slice(continued))?.[0].length ?? 1) - 1;
    problems.push({ at, reason: ENDS_PLAIN });
  }
  // A tab after the mark (and blanks) in block context is a token libyaml cannot start; in a flow
  // collection it is a blank.
  const tabbed = blanked.find((at) => / *\t/y.test(spaced.slice(at)) && flowDepthAt(tokens, at) === 0);
  if (tabbed !== undefined) problems.push({ at: spaced.indexOf("\t", tabbed), reason: TAB_AFTER });
  const comments = new Set<number>();
  for (const at of blanked) {
    const body = blocks.find((t) => t.start <= at && at < t.end);
    if (!body) continue;
    const next = nextTokenAt(spaced, at);
    if (next < body.end) problems.push({ at: next, reason: ENDS_BLOCK });
    else comments.add(at);
  }
  // Back to the text as written: each BOM is the first character of its line.
  const out = text.split("");
  for (const at of blanked) out[view.inText(at)] = comments.has(at) ? "#" : " ";
  const first = problems.sort((a, b) => a.at - b.at)[0];
  if (first === undefined) return { text: out.join("") };
  const problem = { reason: first.reason, ...placeOf(text, view.inText(first.at)) };
  return { text: out.join(""), problem };
}

/**
 * Offsets of a text whose lines may have been moved right (`pads`, by 1-based line), back to the
 * text as written.
 */
class LineView {
  private readonly starts: number[] = [0];
  private readonly shifts: number[] = [0];

  constructor(
    readonly text: string,
    private readonly pads = new Map<number, number>(),
  ) {
    let shift = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== "\n") continue;
      this.starts.push(i + 1);
      shift += this.pads.get(this.starts.length) ?? 0;
      this.shifts.push(shift);
    }
  }

  /** The 0-based line of `at`. */
  private lineOf(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Whether `at` is where its line starts in the text as written (after the blanks put before it). */
  atLineStart(at: number): boolean {
    if (this.text[at - 1] === "\r") return true;
    const line = this.lineOf(at);
    return at - (this.starts[line] as number) === (this.pads.get(line + 1) ?? 0);
  }

  /** The offset of `at` in the text as written. */
  inText(at: number): number {
    return at - (this.shifts[this.lineOf(at)] as number);
  }
}

/** Line and 1-based column of an offset of `text`, lines as libyaml counts them. */
function placeOf(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length;
  return { line, column: at - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) };
}

const ENDS_PLAIN =
  "a byte order mark (U+FEFF) at the start of a line ends the value before it, and the text after it is indented as no key is";
const ENDS_BLOCK =
  "a byte order mark (U+FEFF) at the start of a line ends the block scalar before it, and the text after it is indented as no key is";

const TAB_AFTER =
  "a tab after a byte order mark (U+FEFF) at the start of a line, where libyaml reads no token";

/** How many flow collections (`[`, `{`) are open at `at`. */
function flowDepthAt(tokens: readonly YamlToken[], at: number): number {
  let depth = 0;
  for (const token of tokens) {
    if (token.start >= at) break;
    if (token.type === "flow-seq-start" || token.type === "flow-map-start") depth++;
    else if ((token.type === "flow-seq-end" || token.type === "flow-map-end") && depth > 0) depth--;
  }
  return depth;
}

/** The offsets of the BOMs that start a line between tokens (not in an unclosed quoted scalar). */
function lineStartBoms(text: string, atLineStart: (at: number) => boolean): number[] {
  const closed = (quoted: string) =>
    /^"(?:[^"\\]|\\[\s\S])*"$/.test(quoted) || /^'(?:[^']|'')*'$/.test(quoted);
  const out: number[] = [];
  let previous: YamlToken | undefined;
  for (const token of lexYamlTokens(text)) {
    if (token.type === "space" || token.type === "newline" || token.type === "comment") continue;
    if (
      token.start > 0 &&
      atLineStart(token.start) &&
      (token.type === null || token.type === "byte-order-mark") &&
      token.source.startsWith("\ufeff")
    ) {
      const inQuote =
        (previous?.type === "double-quoted-scalar" || previous?.type === "single-quoted-scalar") &&
        !closed(previous.source);
      if (!inQuote) out.push(token.start);
    }
    previous = token;
  }
  return out;
}

/**
 * The lines of each block scalar, as the lexer gives them: the token after the header's line
 * break (`CST.tokenType` names it by its first character, so it is no help here).
 */
function blockScalarBodies(tokens: readonly YamlToken[]): YamlToken[] {
  const out: YamlToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.type !== "block-scalar-header") continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]?.type !== "newline") j++;
    const body = tokens[j + 1];
    if (body) out.push(body);
  }
  return out;
}

/** Where libyaml's scanner finds the next token after `at`: past blanks, line breaks and comments. */
function nextTokenAt(text: string, at: number): number {
  const skipped = /^(?:[ \r\n]|#[^\r\n]*)*/.exec(text.slice(at));
  return at + (skipped?.[0].length ?? 0);
}
