import { ConfigError } from "@awsconn/core";

/**
 * Airflow's prefix handling: trailing characters of `sep` are trimmed from the prefix (Python's
 * `prefix.rstrip(sep)`, which strips any of `sep`'s characters); `""`/`null` means no prefix.
 *
 * @example
 * ```ts
 * trimPrefix("airflow/connections//", "/"); // "airflow/connections"
 * ```
 */
export function trimPrefix(prefix: string | null | undefined, sep: string): string {
  if (!prefix) return "";
  const chars = new Set(sep);
  let end = prefix.length;
  while (end > 0 && chars.has(prefix[end - 1] as string)) end--;
  return prefix.slice(0, end);
}

/**
 * The secret id of a connection: `prefix + sep + connId`, or the bare id without a prefix
 * (`prefix` already trimmed by {@link trimPrefix}).
 *
 * @example
 * ```ts
 * secretIdFor("airflow/connections", "/", "aws_default"); // "airflow/connections/aws_default"
 * ```
 */
export function secretIdFor(prefix: string, sep: string, connId: string): string {
  return prefix ? `${prefix}${sep}${connId}` : connId;
}

/**
 * Compiles Airflow's `lookup_pattern`: a regular expression tested case-insensitively and
 * anchored at the start of the id only (Python's `re.match`). `undefined` or `""` matches every id.
 * A pattern JavaScript cannot compile is a `ConfigError`.
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
