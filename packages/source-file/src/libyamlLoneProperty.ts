import { lexYamlTokens } from "./lexYamlTokens.js";

/**
 * Where libyaml's parser fails on a key the `yaml` package reads as spanning lines because a node
 * property (a tag or an anchor) stands on a line of its own above it: when that line is indented
 * deeper than the key, the property is no required simple key to libyaml, so its parser meets it
 * where a key belongs ("did not find expected key", at the property). Returns the property's offset,
 * or `undefined` when the line above the key (past blank and comment lines) is not such a line.
 *
 * @example
 * ```ts
 * libyamlLoneProperty("z:\n c: |-\n     t\n   &x\n port: 1\n", 24); // 20: the "&x"
 * ```
 */
export function libyamlLoneProperty(text: string, keyAt: number): number | undefined {
  const keyLineStart = text.lastIndexOf("\n", keyAt - 1) + 1;
  const keyColumn = keyAt - keyLineStart;
  let end = keyLineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (/^[ \t]*(?:#.*)?$/.test(line)) continue;
    const lone = /^( *)(?:[!&]\S*[ \t]+)*[!&]\S*[ \t]*(?:[ \t]#.*)?$/.exec(line);
    const indent = lone?.[1]?.length;
    if (indent === undefined || indent <= keyColumn) return undefined;
    return isPropertyToken(text, start + indent) ? start + indent : undefined;
  }
  return undefined;
}

/** Whether the lexer starts a tag or anchor token at `offset` (not text of a block scalar). */
function isPropertyToken(text: string, offset: number): boolean {
  const token = lexYamlTokens(text).find((t) => t.start === offset);
  return token?.type === "anchor" || token?.type === "tag";
}
