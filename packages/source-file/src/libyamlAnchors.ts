import type { SourceToken } from "./cstSourceTokens.js";

/**
 * The first anchor (`&name`) or alias (`*name`) of `tokens` (`cstSourceTokens`) whose name libyaml
 * (Airflow's `CSafeLoader`) refuses: its names are ASCII letters, digits, `_` and `-`, at least
 * one, followed by a blank, a line break, the end of the text or one of `?:,]}` ("did not find
 * expected alphabetic or numeric character", or for `%`, `@` and a backquote "found character that
 * cannot start any token"), at the character that breaks the rule. The `yaml` package lets a name run on to the next blank (`&x"`, `&日本`).
 *
 * @example
 * ```ts
 * libyamlAnchorProblem(cstSourceTokens(new Parser().parse('a: &x"\n'))); // { reason: "...", offset: 5 }
 * ```
 */
export function libyamlAnchorProblem(
  tokens: readonly SourceToken[],
): { reason: string; offset: number } | undefined {
  let found: number | undefined;
  for (const { type, offset, source } of tokens) {
    if (type !== "anchor" && type !== "alias") continue;
    const name = /^[0-9A-Za-z_-]*/.exec(source.slice(1))?.[0] ?? "";
    const after = source[name.length + 1];
    // (`%`, `@` and a backquote end a name, then start no token: an error there too.)
    const ends = after === undefined || /[ \t\n?:,\]}]/.test(after);
    if ((name === "" || !ends) && (found === undefined || offset + 1 + name.length < found))
      found = offset + 1 + name.length;
  }
  if (found === undefined) return undefined;
  return {
    reason: "an anchor or alias name with a character libyaml does not allow (letters, digits, _ and - only)",
    offset: found,
  };
}
