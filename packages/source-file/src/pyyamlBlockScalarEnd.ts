import type { Document, Scalar } from "yaml";
import { requireYaml } from "./requireYaml.js";

/**
 * Gives a literal (`|`) or folded (`>`) block scalar that runs to the end of a text with no final
 * line break the value libyaml (Airflow's `CSafeLoader`) gives it. libyaml keeps (clip `|`, keep
 * `|+`) only the line breaks that are in the text: a last content line with no break after it ends
 * the value (`k: |\n  a` is `"a"`), and a keep scalar whose only line after the header is blank and
 * unterminated is empty (`k: |+\n  ` is `""`). The `yaml` package reads such a text as if it ended
 * with a break (`"a\n"`, `"\n"`). `text` is the text `doc` was parsed from, its U+2028 / U+2029
 * already turned into `\n`; call this after the line separators are restored.
 *
 * @example
 * ```ts
 * const doc = parseDocument("k: |\n  on\n  second line");
 * chompAtEndOfText(doc, "k: |\n  on\n  second line"); // k is "on\nsecond line"
 * ```
 */
export function chompAtEndOfText(doc: Document, text: string): void {
  if (text === "" || text.endsWith("\n")) return;
  const { visit } = requireYaml();
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (node.type !== "BLOCK_LITERAL" && node.type !== "BLOCK_FOLDED") return;
      const [start, end] = node.range ?? [0, 0];
      if (end < text.length || typeof node.value !== "string" || !node.value.endsWith("\n")) return;
      const header = /^[|>][0-9+-]*/.exec(text.slice(start))?.[0] ?? "";
      if (header.includes("-")) return;
      const headerEnd = text.indexOf("\n", start);
      if (headerEnd < 0) return;
      const last = text.slice(text.lastIndexOf("\n") + 1);
      if (endsWithContent(text.slice(headerEnd + 1), last, /[0-9]/.test(header)))
        node.value = node.value.slice(0, -1);
      else if (header.includes("+") && /^\n+$/.test(node.value))
        node.value = "\n".repeat(text.slice(headerEnd + 1).split("\n").length - 1);
    },
  });
}

/**
 * Whether the unterminated `last` line of a block scalar's `body` (its lines after the header) is
 * one of its content lines: it has more than spaces, or more spaces than the first content line's
 * indentation (libyaml keeps the extra ones). With an indentation indicator, a line of spaces is
 * left as the package reads it.
 */
function endsWithContent(body: string, last: string, explicitIndent: boolean): boolean {
  if (/[^ ]/.test(last)) return true;
  if (explicitIndent) return false;
  const first = body.split("\n").find((line) => /[^ ]/.test(line));
  if (first === undefined) return false;
  return last.length > first.length - first.trimStart().length;
}
