import type { SourceToken } from "./cstSourceTokens.js";

/**
 * The first block scalar header (`|`, `>` and their indicators) of `tokens` (`cstSourceTokens`) that libyaml
 * (Airflow's `CSafeLoader`) refuses, at the character that breaks its rule: after the indicator an
 * indentation digit 1-9 and a chomping `+` or `-`, each at most once, in either order, then only
 * blanks, a comment or the line's end ("did not find expected comment or line break"; a 0 is
 * "found an indentation indicator equal to 0"). The `yaml` package reports such a header as an
 * unexpected token, or, on a line of its own after a block scalar, only where the next key fails.
 *
 * @example
 * ```ts
 * libyamlBlockHeaderProblem(cstSourceTokens(new Parser().parse("a: |x\n"))); // { reason: "...", offset: 4 }
 * libyamlBlockHeaderProblem(cstSourceTokens(new Parser().parse("a: |2-\n  x\n"))); // undefined
 * ```
 */
export function libyamlBlockHeaderProblem(
  tokens: readonly SourceToken[],
): { reason: string; offset: number } | undefined {
  let found: { reason: string; offset: number } | undefined;
  for (const { type, offset, source } of tokens) {
    if (type !== "block-scalar-header") continue;
    const valid = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?/.exec(source)?.[0] ?? "";
    if (valid.length === source.length || (found && found.offset <= offset)) continue;
    found = {
      reason:
        source[valid.length] === "0"
          ? "bad block scalar header (an indentation indicator of 0; use 1-9)"
          : "bad block scalar header (text after the | or > and its indicators)",
      offset: offset + valid.length,
    };
  }
  return found;
}
