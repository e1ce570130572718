import { lexYamlTokens, type YamlToken } from "./lexYamlTokens.js";

/**
 * How far libyaml's scanner has read when its parser fails at the token starting at `offset`: the
 * end (exclusive) of the text it has looked at. A scanner error before that place (a tab in the
 * blanks after a plain scalar, a value starting with a backquote) is what PyYAML reports, not the
 * parser's.
 *
 * The scanner reads the token whole; a plain scalar with the blanks and line breaks after it. A
 * token that could still be a simple key (a scalar, a tag, an anchor... that has not crossed a
 * line) makes it fetch the next token as well, past blanks, comments and breaks, which it reads
 * from its first character. `offset` itself when no token starts there, or one libyaml cannot start
 * a token with (`%`, `@`, a backquote).
 *
 * @example
 * ```ts
 * libyamlScanAhead("a: x # c\nb: 1\n", 3); // 10: "x" could still be a key, so the "b" is read too
 * libyamlScanAhead("a: x\n  \nb: 1\n", 3); // 8: the plain "x" and the blanks after it, to "b"
 * ```
 */
export function libyamlScanAhead(text: string, offset: number): number {
  const tokens = lexYamlTokens(text);
  const isBlank = (t: YamlToken) => t.type === "space" || t.type === "newline" || /^\s*$/.test(t.source);
  let i = tokens.findIndex((t) => t.end > offset);
  const token = tokens[i];
  if (!token || token.start !== offset || isBlank(token) || token.type === "comment") return offset;
  if (/^[%@`]/.test(token.source)) return offset;
  let crossed = token.source.includes("\n");
  let end = token.end;
  i++;
  if (token.type === null) {
    // A plain scalar: the blanks and breaks after it are read with it (a comment stops it).
    for (; i < tokens.length && isBlank(tokens[i] as YamlToken); i++) {
      const blank = tokens[i] as YamlToken;
      crossed ||= blank.source.includes("\n");
      end = blank.end;
    }
    if (crossed) return end;
  }
  const couldBeKey =
    token.type === null ||
    [
      "single-quoted-scalar",
      "double-quoted-scalar",
      "alias",
      "anchor",
      "tag",
      "flow-map-start",
      "flow-seq-start",
    ].includes(token.type);
  if (!couldBeKey || crossed) return end;
  for (; i < tokens.length; i++) {
    const next = tokens[i] as YamlToken;
    // (A block scalar header is read whole: its bad indicator is the scanner's error.)
    if (!isBlank(next) && next.type !== "comment")
      return next.type === "block-scalar-header" ? next.end : next.start + 1;
  }
  return text.length;
}
