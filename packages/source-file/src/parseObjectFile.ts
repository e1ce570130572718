import type { LineTree } from "@awsconn/core";
import { ConnectionFormatError, parsePythonJson } from "@awsconn/core";
import { YamlTextError, parseYamlText } from "./parseYamlText.js";

/**
 * A `.json` or `.yaml` secrets file read as Airflow's `_parse_json_file` / `_parse_yaml_file` do:
 * its top-level object with the line of every key, or the one problem of the whole file (empty,
 * a syntax error at its line, nested too deeply, not an object). Reasons never quote the text.
 *
 * @example
 * ```ts
 * parseObjectFile('{"a": 1}', "json", "keys mapped to values"); // { top: { a: 1 }, tree }
 * parseObjectFile("[]", "json", "keys mapped to values").problem?.reason; // "The file should contain an object: keys mapped to values."
 * ```
 */
export function parseObjectFile(
  text: string,
  format: "json" | "yaml",
  /** What the object maps, for the "not an object" reason: `connection ids mapped to connections`. */
  contents: string,
):
  | { top: Record<string, unknown>; tree: LineTree; problem?: undefined }
  | { problem: { reason: string; line: number } } {
  const whole = (reason: string, line: number) => ({ problem: { reason, line } });
  if (text === "") return whole("The file is empty.", 1);
  let value: unknown;
  let tree: LineTree;
  try {
    if (format === "json") {
      const parsed = parsePythonJson(text, { lines: true });
      value = parsed.value;
      tree = parsed.lines;
    } else ({ value, tree } = parseYamlText(text));
  } catch (error) {
    // Python's json.loads message or the YAML parser's, at its line; never the text.
    if (error instanceof ConnectionFormatError || error instanceof YamlTextError)
      return whole(error.reason, error.line ?? 1);
    // JSON deeper than core's 980-level bound (Python: RecursionError), or a YAML stack overflow.
    if (error instanceof RangeError) return whole("the file is nested too deeply", 1);
    throw error;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return whole(`The file should contain an object: ${contents}.`, 1);
  return { top: value as Record<string, unknown>, tree };
}
