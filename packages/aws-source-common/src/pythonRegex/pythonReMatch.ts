import { type PythonRegexOptions, translatePythonRegex } from "./translatePythonRegex.js";

/**
 * Python's `re.match(pattern, text, flags)` as a test: the pattern is translated once
 * ({@link translatePythonRegex}, which throws a `ConfigError` for a pattern Python rejects or
 * JavaScript cannot match exactly) and matched at the start of the text only (a prefix match,
 * not a full match: add `\Z` for that).
 *
 * @example
 * ```ts
 * const matches = pythonReMatch("aws_", { ignoreCase: true });
 * matches("AWS_default"); // true
 * matches("my_aws_x");    // false
 * ```
 */
export function pythonReMatch(pattern: string, options: PythonRegexOptions = {}): (text: string) => boolean {
  const { source, flags } = translatePythonRegex(pattern, options);
  const regex = new RegExp(source, `${flags}y`);
  return (text) => {
    regex.lastIndex = 0;
    return regex.test(text);
  };
}
