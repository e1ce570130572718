import { ConfigError } from "@awsconn/core";

/**
 * Compiles Airflow's `lookup_pattern`: a regular expression tested case-insensitively and
 * anchored at the start of the id only (Python's `re.match`). `undefined` or `""` matches every id.
 * A pattern JavaScript cannot compile is a `ConfigError` naming `path`.
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
