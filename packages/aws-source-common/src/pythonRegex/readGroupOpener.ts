import { lazyPattern } from "@awsconn/core";
import type { PythonRegexCursor } from "./PythonRegexCursor.js";
import { type InlineFlags, PY_FLAG_LETTERS, readInlineFlags } from "./pythonRegexFlags.js";

/** What a `(` of a Python pattern opens. */
export type GroupOpener =
  | { kind: "capture"; name?: string }
  | { kind: "group"; flags?: InlineFlags }
  | { kind: "atomic" }
  | { kind: "comment" }
  | { kind: "globalFlags"; add: string }
  | { kind: "reference"; name: string }
  | { kind: "lookaround"; behind: boolean; negative: boolean };

const IDENTIFIER = lazyPattern(String.raw`^[\p{XID_Start}_]\p{XID_Continue}*$`, "u");

/**
 * Reads what follows a `(` (already read) as Python 3.11's parser does, up to the group's body:
 * `(?P<name>`, `(?P=name)` (read whole), `(?:`, `(?#...)` (read whole), `(?=` `(?!` `(?<=` `(?<!`,
 * `(?>`, inline flags; Python's errors for the rest (`(?<name>` is "unknown extension ?<n");
 * a conditional `(?(...)` is refused.
 *
 * @example
 * ```ts
 * readGroupOpener(cursorAfter("(?P<env>")); // { kind: "capture", name: "env" }
 * ```
 */
export function readGroupOpener(src: PythonRegexCursor): GroupOpener {
  const start = src.pos - 1;
  if (!src.match("?")) return { kind: "capture" };
  const c = src.get();
  if (c === undefined) throw src.rejects("unexpected end of pattern");
  if (c === "P") {
    if (src.match("<")) return { kind: "capture", name: groupName(src, src.getUntil(">", "group name")) };
    if (src.match("=")) return { kind: "reference", name: groupName(src, src.getUntil(")", "group name")) };
    const c2 = src.get();
    throw src.rejects(c2 === undefined ? "unexpected end of pattern" : `unknown extension ?P${c2}`);
  }
  if (c === ":") return { kind: "group" };
  if (c === ">") return { kind: "atomic" };
  if (c === "#") {
    for (;;) {
      const ch = src.get();
      if (ch === undefined) throw src.rejects("missing ), unterminated comment", start);
      if (ch === ")") return { kind: "comment" };
    }
  }
  if (c === "=" || c === "!") return { kind: "lookaround", behind: false, negative: c === "!" };
  if (c === "<") {
    const d = src.get();
    if (d === undefined) throw src.rejects("unexpected end of pattern");
    if (d !== "=" && d !== "!") throw src.rejects(`unknown extension ?<${d}`);
    return { kind: "lookaround", behind: true, negative: d === "!" };
  }
  if (c === "(") throw src.refuses("a conditional group (?(id)yes|no)", "JavaScript has no conditionals");
  if (PY_FLAG_LETTERS.includes(c) || c === "-") {
    const flags = readInlineFlags(src, c);
    return flags.global ? { kind: "globalFlags", add: flags.add } : { kind: "group", flags };
  }
  throw src.rejects(`unknown extension ?${c}`);
}

function groupName(src: PythonRegexCursor, name: string): string {
  if (!IDENTIFIER().test(name)) throw src.rejects(`bad character in group name '${name}'`);
  return name;
}
