/** How deep a YAML text may nest (flow brackets, or block indentation in columns) before it is refused. */
export const YAML_NESTING_LIMITS = { flowDepth: 200, indentColumns: 1000 } as const;

/**
 * Finds YAML nesting deep enough to exhaust the `yaml` parser's recursion (which can otherwise
 * abort the whole Node process), in one linear pass over the text and before any parsing:
 * flow collections (`[`, `{`) nested deeper than `limits.flowDepth`, or a line indented more than
 * `limits.indentColumns` columns (block nesting needs one column per level). Brackets inside
 * quoted scalars and comments do not count. Returns the problem and its 1-based line, or `undefined`.
 *
 * @example
 * ```ts
 * yamlNestingProblem("x: " + "[".repeat(5000)); // { reason: "YAML nested deeper than 200 levels", line: 1 }
 * yamlNestingProblem("a: [1, [2]]\n");            // undefined
 * ```
 */
export function yamlNestingProblem(
  text: string,
  limits: { flowDepth: number; indentColumns: number } = YAML_NESTING_LIMITS,
): { reason: string; line: number } | undefined {
  let depth = 0;
  let line = 1;
  let column = 0;
  let indenting = true;
  let quote: '"' | "'" | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      line++;
      column = 0;
      indenting = true;
      comment = false;
      continue;
    }
    column++;
    if (indenting) {
      if (ch === " ") {
        if (column > limits.indentColumns)
          return { reason: `YAML indented deeper than ${limits.indentColumns} columns`, line };
        continue;
      }
      indenting = false;
    }
    if (comment) continue;
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const prev = text[i - 1];
      if (prev === undefined || " \t[{,:-\n".includes(prev)) quote = ch;
    } else if (ch === "#" && (i === 0 || " \t\n".includes(text[i - 1] ?? ""))) comment = true;
    else if (ch === "[" || ch === "{") {
      if (++depth > limits.flowDepth)
        return { reason: `YAML nested deeper than ${limits.flowDepth} levels`, line };
    } else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return undefined;
}
