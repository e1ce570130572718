import type { YamlProblem } from "./describeYamlError.js";
import { lexYamlTokens } from "./lexYamlTokens.js";

/**
 * Byte order marks (U+FEFF) that start a line between tokens, as libyaml's scanner reads them: it
 * skips one at column 0 while it looks for the next token and counts it as a column, so
 * `a:\n b: 1\n\uFEFFc: 2` is `{'a': {'b': 1, 'c': 2}}` to PyYAML (a file made by joining files that
 * each start with one). The `yaml` package reads the BOM into a key. Returns the text with those
 * BOMs made spaces, and the first place where that space would continue the plain scalar before it:
 * libyaml ends that scalar at the BOM's column 0, and the text after it, indented deeper than a key,
 * is its parser's "did not find expected key" (the problem, if nothing before it fails).
 *
 * Left as it is: the first character of the text (the reader drops it), and a BOM in a quoted
 * scalar or after a block scalar (text to libyaml, or the end of that scalar).
 *
 * @example
 * ```ts
 * libyamlLineStartBoms("a:\n b: 1\n\uFEFFc: 2\n").text; // "a:\n b: 1\n c: 2\n"
 * libyamlLineStartBoms("a: 1\n\uFEFFb: 2\n").problem?.line; // 2
 * ```
 */
export function libyamlLineStartBoms(text: string): { text: string; problem?: YamlProblem } {
  if (text.indexOf("\ufeff", 1) < 0) return { text };
  const closed = (quoted: string) =>
    /^"(?:[^"\\]|\\[\s\S])*"$/.test(quoted) || /^'(?:[^']|'')*'$/.test(quoted);
  const blanked: number[] = [];
  let previous: { source: string; type: string | null } | undefined;
  for (const token of lexYamlTokens(text)) {
    if (token.type === "space" || token.type === "newline" || token.type === "comment") continue;
    const atLineStart = token.start > 0 && /[\n\r]/.test(text[token.start - 1] ?? "");
    if (
      atLineStart &&
      (token.type === null || token.type === "byte-order-mark") &&
      token.source.startsWith("\ufeff")
    ) {
      const inScalar =
        previous?.type === "block-scalar-header" ||
        ((previous?.type === "double-quoted-scalar" || previous?.type === "single-quoted-scalar") &&
          !closed(previous.source));
      if (!inScalar) blanked.push(token.start);
    }
    previous = token;
  }
  if (blanked.length === 0) return { text };
  // (Offsets are UTF-16 ones; a BOM is one unit, as is its space.)
  const units = text.split("");
  for (const at of blanked) units[at] = " ";
  const spaced = units.join("");
  // A space inside the plain scalar of the line before continues it; libyaml ends it there.
  const plain = lexYamlTokens(spaced).filter((t) => t.type === null);
  const continued = blanked.find((at) => plain.some((t) => t.start < at && at < t.end));
  if (continued === undefined) return { text: spaced };
  const line = text.slice(0, continued).split(/\r\n|\r|\n/).length;
  const column = /^ *[^ ]?/.exec(spaced.slice(continued))?.[0].length ?? 1;
  const reason =
    "a byte order mark (U+FEFF) at the start of a line ends the value before it, and the text after it is indented as no key is";
  return { text: spaced, problem: { reason, line, column } };
}
