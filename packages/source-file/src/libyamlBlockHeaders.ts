import type { CST } from "yaml";

/**
 * The first block scalar header (`|`, `>` and their indicators) of the parsed `tokens` that libyaml
 * (Airflow's `CSafeLoader`) refuses, at the character that breaks its rule: after the indicator an
 * indentation digit 1-9 and a chomping `+` or `-`, each at most once, in either order, then only
 * blanks, a comment or the line's end ("did not find expected comment or line break"; a 0 is
 * "found an indentation indicator equal to 0"). The `yaml` package reports such a header as an
 * unexpected token, or, on a line of its own after a block scalar, only where the next key fails.
 *
 * @example
 * ```ts
 * libyamlBlockHeaderProblem(new Parser().parse("a: |x\n")); // { reason: "...", offset: 4 }
 * libyamlBlockHeaderProblem(new Parser().parse("a: |2-\n  x\n")); // undefined
 * ```
 */
export function libyamlBlockHeaderProblem(
  tokens: Iterable<CST.Token>,
): { reason: string; offset: number } | undefined {
  let found: { reason: string; offset: number } | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const { type, offset, source } = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (type === "block-scalar-header" && typeof offset === "number" && typeof source === "string") {
      const valid = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?/.exec(source)?.[0] ?? "";
      if (valid.length < source.length && (!found || offset < found.offset)) {
        const zero = source[valid.length] === "0";
        found = {
          reason: zero
            ? "bad block scalar header (an indentation indicator of 0; use 1-9)"
            : "bad block scalar header (text after the | or > and its indicators)",
          offset: offset + valid.length,
        };
      }
    }
    for (const value of Object.values(node)) if (typeof value === "object") walk(value);
  };
  walk([...tokens]);
  return found;
}
