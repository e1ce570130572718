/**
 * Where each part of a parsed document sits: the 1-based line of a value (for an object key: the
 * key's line) and the same for its keys or items. {@link parsePythonJson} fills one in when asked
 * (`{ lines: true }`); `@awsconn/source-file` uses it to put `file:line` on hits and errors.
 *
 * @example
 * ```ts
 * const tree: LineTree = { line: 1, fields: new Map([["aws_default", { line: 2 }]]) };
 * tree.fields?.get("aws_default")?.line; // 2
 * ```
 */
export interface LineTree {
  /** 1-based line. */
  line: number;
  /** For an object: each key's subtree (key order as in the text; a repeated key keeps its first place and its last line). */
  fields?: Map<string, LineTree>;
  /** For an array: each item's subtree. */
  items?: LineTree[];
}
