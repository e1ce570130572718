import { ConfigError } from "@awsconn/core";
import { backtrackingRisk } from "./backtrackingRisk.js";

/**
 * Compiles Airflow's `lookup_pattern`: a regular expression tested case-insensitively and
 * anchored at the start of the id only (Python's `re.match`). `undefined` or `""` matches every id.
 * A pattern JavaScript cannot compile is a `ConfigError` naming `path`, and so is one that could
 * take exponential time on a short id (nested or ambiguous repetition, see {@link backtrackingRisk}):
 * lookups never stall on a pattern.
 *
 * @example
 * ```ts
 * compileLookupPattern("aws_")("AWS_default"); // true
 * compileLookupPattern("aws_")("my_aws_x");    // false
 * ```
 */
export function compileLookupPattern(
  pattern: string | undefined,
  path = "lookupPattern",
): (id: string) => boolean {
  if (!pattern) return () => true;
  const risk = backtrackingRisk(pattern);
  if (risk)
    throw new ConfigError(
      `refused: ${risk}, which can take exponential time on a short id (catastrophic backtracking); write it without nested or ambiguous repetition`,
      { path },
    );
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "iy");
  } catch (error) {
    throw new ConfigError(`not a valid regular expression: ${(error as Error).message}`, {
      path,
      cause: error,
    });
  }
  return (id) => {
    regex.lastIndex = 0;
    return regex.test(id);
  };
}
