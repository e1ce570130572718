import { lexYamlTokens } from "./lexYamlTokens.js";

/**
 * The first tab libyaml (Airflow's `CSafeLoader`) refuses in a block where the `yaml` package lets
 * it pass, with its offset:
 * - on the lines after a plain scalar (blank lines, then the next line), a tab in a line's leading
 *   blanks left of one column past the scalar's block ("found a tab character that violates
 *   indentation"): `a: 1\n\t# c` is refused, `a:\n  b: x\n   \t# c` is not;
 * - at the start of any other line of a block, after its spaces, and right after `- ` or `? `
 *   ("found character that cannot start any token"): `a: "x"\n \t# c`, `- \tx`.
 *
 * Tabs inside flow collections, quoted and block scalars, and after a key's `:`, are left alone. A
 * plain value starting with `@`, a backquote or (past a line's first column) `%`, which libyaml's scanner refuses
 * ("found character that cannot start any token"), is returned too, whichever comes first.
 *
 * @example
 * ```ts
 * libyamlTabProblem("a: 1\n\t# c\n"); // { reason: "a tab in the indentation ...", offset: 5 }
 * ```
 */
export function libyamlTabProblem(text: string): { reason: string; offset: number } | undefined {
  // (A reserved character matters only where a token may start: "u:p@db" in a URI is text.)
  if (!/\t|(?:^|[\s[{,:?-])[@`%]/m.test(text)) return undefined;
  let lineStart = 0;
  let depth = 0;
  /** Whether the next token starts a line (or follows `- ` / `? `), and how tabs there are judged. */
  let mode: "plain" | "token" | undefined = "token";
  let plainIndent = 0;
  let last: "plain" | "other" = "other";
  let lineKey: number | undefined;
  let header = false;
  let blockContent = false;
  /** The columns of the open block collections: libyaml's indents, innermost last. */
  const indents: number[] = [];
  const indent = () => indents.at(-1) ?? -1;
  const rollIndent = (column: number) => {
    if (column > indent()) indents.push(column);
  };
  for (const { start: at, source, type } of lexYamlTokens(text)) {
    const newLine = () => {
      lineStart = at + source.lastIndexOf("\n") + 1;
      lineKey = undefined;
    };
    if (blockContent) {
      // A block scalar's lines, to the start of the line after it.
      blockContent = false;
      last = "other";
      mode = undefined;
      if (source.endsWith("\n")) {
        newLine();
        mode = depth === 0 ? "token" : undefined;
      }
      continue;
    }
    if (type === "space" || (type === null && /^[ \t]+$/.test(source))) {
      const tab = source.indexOf("\t");
      if (mode === "token" && tab >= 0)
        return {
          reason: "a tab where libyaml expects a token (at the start of a line, or after - or ?)",
          offset: at + tab,
        };
      if (mode === "plain" && tab >= 0 && at + tab - lineStart < plainIndent)
        return { reason: "a tab in the indentation after a plain scalar", offset: at + tab };
      continue;
    }
    if (type === "newline") {
      newLine();
      blockContent = header;
      header = false;
      if (depth > 0 || blockContent) mode = undefined;
      else if (mode === undefined) mode = last === "plain" ? "plain" : "token";
      continue;
    }
    const column = at - lineStart;
    if (type === "doc-start" || type === "doc-end") indents.length = 0;
    else if (depth === 0 && type !== "comment") while (indent() > column) indents.pop();
    if (type === "anchor" || type === "tag") {
      // Node properties: the scalar after them belongs where they do. After one no simple key may
      // start, so libyaml skips tabs up to the next token on its line.
      lineKey ??= column;
      if (depth === 0) mode = undefined;
      continue;
    }
    if (type === "flow-map-start" || type === "flow-seq-start") depth++;
    if ((type === "flow-map-end" || type === "flow-seq-end") && depth > 0) depth--;
    if (type === "seq-item-ind" || type === "explicit-key-ind") {
      if (depth === 0) rollIndent(column);
      mode = depth === 0 ? "token" : undefined;
      continue;
    }
    if (type === "block-scalar-header") header = true;
    else if (type !== "comment") lineKey ??= column;
    if (type === "map-value-ind" && depth === 0) rollIndent(lineKey ?? column);
    // (`%` past a line's first column, a leading byte order mark aside, is no directive and starts
    // no token either.)
    if (
      (type === null && /^[@`]/.test(source)) ||
      (type === "directive-line" && /[^\ufeff]/.test(text.slice(lineStart, at)))
    )
      return { reason: "a plain value starts with a reserved character (@, ` or %)", offset: at };
    if (type === null && depth === 0) {
      // Plain scalar text: its block is the innermost open one (a key's mapping, a `-`'s sequence).
      plainIndent = indent() + 1;
      last = "plain";
    } else last = "other";
    mode = undefined;
    if (source.includes("\n")) newLine(); // a scalar over several lines: columns count from its last
  }
  return undefined;
}
