import type { CST } from "yaml";

/**
 * The first anchor (`&name`) or alias (`*name`) of the parsed `tokens` whose name libyaml
 * (Airflow's `CSafeLoader`) refuses: its names are ASCII letters, digits, `_` and `-`, at least
 * one, followed by a blank, a line break, the end of the text or one of `?:,]}` ("did not find
 * expected alphabetic or numeric character", or for `%`, `@` and a backquote "found character that
 * cannot start any token"), at the character that breaks the rule. The `yaml` package lets a name run on to the next blank (`&x"`, `&日本`).
 *
 * @example
 * ```ts
 * libyamlAnchorProblem(new Parser().parse('a: &x"\n')); // { reason: "...", offset: 5 }
 * ```
 */
export function libyamlAnchorProblem(
  tokens: Iterable<CST.Token>,
): { reason: string; offset: number } | undefined {
  let found: number | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const { type, offset, source } = node as { type?: unknown; offset?: unknown; source?: unknown };
    if ((type === "anchor" || type === "alias") && typeof offset === "number" && typeof source === "string") {
      const name = /^[0-9A-Za-z_-]*/.exec(source.slice(1))?.[0] ?? "";
      const after = source[name.length + 1];
      // (`%`, `@` and a backquote end a name, then start no token: an error there too.)
      const ends = after === undefined || /[ \t\n?:,\]}]/.test(after);
      if ((name === "" || !ends) && (found === undefined || offset + 1 + name.length < found))
        found = offset + 1 + name.length;
    }
    for (const value of Object.values(node)) if (typeof value === "object") walk(value);
  };
  for (const token of tokens) walk(token);
  if (found === undefined) return undefined;
  return {
    reason: "an anchor or alias name with a character libyaml does not allow (letters, digits, _ and - only)",
    offset: found,
  };
}
