import { ConfigError } from "@awsconn/core";
import { pythonReMatch } from "../pythonRegex/pythonReMatch.js";
import { backtrackingRisk } from "./backtrackingRisk.js";

/**
 * Compiles Airflow's `lookup_pattern` as the amazon provider tests it:
 * `re.match(pattern, id, re.IGNORECASE)`, a Python regular expression matched case-insensitively
 * at the start of the id only (a prefix match). The Python syntax is translated to an equivalent
 * JavaScript RegExp (`pythonReMatch`, `src/pythonRegex/`: `\Z`, `{,n}`, `(?i)`,
 * `(?P<name>...)`, Unicode `\w`...); a pattern Python rejects, or one JavaScript cannot match
 * exactly, is a `ConfigError` naming `path`, and so is one that could take exponential time on a
 * short id (nested or ambiguous repetition, see {@link backtrackingRisk}): lookups never stall on
 * a pattern. `undefined` or `""` matches every id (Airflow skips the test for an empty pattern).
 *
 * @example
 * ```ts
 * compileLookupPattern("aws_")("AWS_default"); // true
 * compileLookupPattern("aws_")("my_aws_x");    // false
 * compileLookupPattern("aws\\Z")("aws_x");     // false (\Z: the end of the id)
 * ```
 */
export function compileLookupPattern(
  pattern: string | undefined,
  path = "lookupPattern",
): (id: string) => boolean {
  if (!pattern) return () => true;
  const matches = pythonReMatch(pattern, { ignoreCase: true, path });
  const risk = backtrackingRisk(pattern);
  if (risk)
    throw new ConfigError(
      `refused: ${risk}, which can take exponential time on a short id (catastrophic backtracking); write it without nested or ambiguous repetition`,
      { path },
    );
  return matches;
}
