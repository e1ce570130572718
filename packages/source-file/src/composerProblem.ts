import type { Document } from "yaml";
import { linearYamlAliases } from "./linearYamlAliases.js";
import { requireYaml } from "./requireYaml.js";

/** A node PyYAML's composer refuses: where it is (an offset in the text) and why. */
export interface ComposerProblem {
  offset: number;
  /** Never quotes the file's text (an anchor's name included). */
  reason: string;
}

/**
 * The first node of `doc` that PyYAML's composer refuses, which it meets in stream order with the
 * syntax errors: an alias with no anchor before it ("found undefined alias"), or an anchor given a
 * second time in the document ("found duplicate anchor"; the `yaml` package lets a later anchor of
 * the same name win). `undefined` when there is none.
 *
 * @example
 * ```ts
 * composerProblem(parseDocument("a: *x\n")); // { offset: 3, reason: "unresolved alias (...)" }
 * composerProblem(parseDocument("a: &x 1\nb: &x 2\n"))?.offset; // 11
 * ```
 */
export function composerProblem(doc: Document): ComposerProblem | undefined {
  const targets = linearYamlAliases(doc);
  const anchors = new Map<string, number>();
  let found: ComposerProblem | undefined;
  const { isAlias, visit } = requireYaml();
  visit(doc, {
    Node(_key, node) {
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        if (targets.has(node)) return undefined;
        found = { offset, reason: "unresolved alias (its anchor is not defined before it)" };
        return visit.BREAK;
      }
      if (!node.anchor) return undefined;
      const first = anchors.get(node.anchor);
      if (first === undefined) {
        anchors.set(node.anchor, offset);
        return undefined;
      }
      found = {
        offset,
        reason: "an anchor defined a second time in the document (PyYAML refuses a repeated anchor name)",
      };
      return visit.BREAK;
    },
  });
  return found;
}
