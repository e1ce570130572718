import type { CST } from "yaml";

/** A CST token that carries its own text: an anchor, an alias, a block scalar header, a scalar... */
export interface SourceToken {
  type: string;
  offset: number;
  source: string;
}

/**
 * Every token of the parsed `tokens`, nested ones included, that has a type, an offset and a source
 * text, in text order of the walk: one walk for all of the libyaml checks that read single tokens
 * (`libyamlAnchorProblem`, `libyamlBlockHeaderProblem`).
 *
 * @example
 * ```ts
 * cstSourceTokens(new Parser().parse("a: &x 1\n")).filter((t) => t.type === "anchor"); // [{ type: "anchor", offset: 3, source: "&x" }]
 * ```
 */
export function cstSourceTokens(tokens: Iterable<CST.Token>): SourceToken[] {
  const found: SourceToken[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const { type, offset, source } = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (typeof type === "string" && typeof offset === "number" && typeof source === "string")
      found.push({ type, offset, source });
    for (const value of Object.values(node)) if (typeof value === "object") walk(value);
  };
  for (const token of tokens) walk(token);
  return found;
}
