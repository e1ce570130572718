/**
 * Where libyaml's scanner ends a quoted scalar that starts at `offset` (a `'` or `"`), read as
 * libyaml reads one in block context: over any number of lines, whatever their indentation, up to
 * its closing quote (`''` is a quote inside single quotes, `\` escapes the next character inside
 * double quotes). `kind: "closed"` at the closing quote's offset when it closes; else the offset where the scanner gives up: a document
 * marker (`---` or `...` at the start of a line, then a space, a line break or the end) or the end
 * of the text. `undefined` when no quote starts at `offset`.
 *
 * The `yaml` package refuses a quoted scalar that starts on a line indented less than the block
 * scalar above it as "bad indentation" at the quote; libyaml scans the scalar to its end first, so
 * an unclosed one fails there ("found unexpected end of stream").
 *
 * @example
 * ```ts
 * libyamlQuotedScalarEnd("a: 'q\nb: 1\n", 3); // { kind: "end", offset: 11 }
 * libyamlQuotedScalarEnd("a: 'q'\n", 3); // { kind: "closed", offset: 5 }
 * ```
 */
export function libyamlQuotedScalarEnd(
  text: string,
  offset: number,
): { kind: "closed" | "end" | "marker"; offset: number } | undefined {
  const quote = text[offset];
  if (quote !== "'" && quote !== '"') return undefined;
  const markerAfter = (lineStart: number) =>
    /^(?:---|\.\.\.)(?:[ \t\n]|$)/.test(text.slice(lineStart, lineStart + 4));
  for (let i = offset + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === "\\") {
      i++;
      if (text[i] === "\n" && markerAfter(i + 1)) return { kind: "marker", offset: i + 1 };
      continue;
    }
    if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return { kind: "closed", offset: i };
    }
    if (c === "\n" && markerAfter(i + 1)) return { kind: "marker", offset: i + 1 };
  }
  return { kind: "end", offset: text.length };
}
