import { requireYaml } from "./requireYaml.js";

/** One token of the `yaml` package's lexer, with its place in the text. */
export interface YamlToken {
  /** Offset of its first character (UTF-16 units). */
  start: number;
  /** Offset just past it. */
  end: number;
  source: string;
  /** The package's `CST.tokenType` (`null` for plain scalar text). */
  type: string | null;
}

/**
 * The `yaml` package's lexer tokens of `text`, with offsets, without the lexer's markers (document,
 * scalar, flow error: control characters that are no text).
 *
 * @example
 * ```ts
 * lexYamlTokens("a: 1").map((t) => t.type); // [null, "map-value-ind", "space", null]
 * ```
 */
export function lexYamlTokens(text: string): YamlToken[] {
  const { CST: cst, Lexer } = requireYaml();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the test is for
  const MARKER = /^[\u0000-\u0008\u000b-\u001f]$/;
  const tokens: YamlToken[] = [];
  let at = 0;
  for (const source of new Lexer().lex(text)) {
    if (MARKER.test(source)) continue;
    tokens.push({ start: at, end: at + source.length, source, type: cst.tokenType(source) });
    at += source.length;
  }
  return tokens;
}
