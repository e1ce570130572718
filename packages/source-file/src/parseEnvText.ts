import { PYTHON_WHITESPACE } from "@awsconn/core";

/** One `ID=URI` line of a `.env` connections file. */
export interface EnvLine {
  key: string;
  value: string;
  /** 1-based line number. */
  line: number;
}

/** A malformed `.env` line. */
export interface EnvLineError {
  line: number;
  reason: string;
}

/**
 * The line boundaries of a `.env` connections file: Python's universal newlines (`\r\n`, `\r`, `\n`)
 * and `str.splitlines()` boundaries, which Airflow splits on.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace and line-break sets include these characters
export const ENV_LINE_BREAK = /\r\n|\r|\n|\v|\f|\x1c|\x1d|\x1e|\x85|\u2028|\u2029/;
// Airflow's COMMENT_PATTERN, re.match(r"\s*#.*"): optional whitespace (Python's \s, which has
// \x1c-\x1f and not U+FEFF), then "#".
const COMMENT = new RegExp(`^[${PYTHON_WHITESPACE}]*#`);

/**
 * Reads a `.env` connections file by Airflow's rules (`_parse_env_file`), not dotenv's:
 * blank lines and `#` comment lines are skipped; every other line is `KEY=VALUE`, split at the
 * first `=`, with nothing trimmed and no quotes removed. A line without `=`, with an empty key or
 * an empty value is an error with its line number; all errors are returned, in order.
 *
 * @example
 * ```ts
 * parseEnvText("# c\nAWS_DEFAULT=aws://k:s@\n").lines; // [{ key: "AWS_DEFAULT", value: "aws://k:s@", line: 2 }]
 * ```
 */
export function parseEnvText(text: string): { lines: EnvLine[]; errors: EnvLineError[] } {
  const lines: EnvLine[] = [];
  const errors: EnvLineError[] = [];
  const parts = text.split(ENV_LINE_BREAK);
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  parts.forEach((content, index) => {
    const line = index + 1;
    if (content === "" || COMMENT.test(content)) return;
    const eq = content.indexOf("=");
    if (eq === -1) {
      errors.push({
        line,
        reason: 'Invalid line format. The line should contain at least one equal sign ("=").',
      });
    } else if (eq === 0) {
      errors.push({ line, reason: "Invalid line format. Key is empty." });
    } else if (eq === content.length - 1) {
      errors.push({ line, reason: "Invalid line format. Value is empty." });
    } else {
      lines.push({ key: content.slice(0, eq), value: content.slice(eq + 1), line });
    }
  });
  return { lines, errors };
}
