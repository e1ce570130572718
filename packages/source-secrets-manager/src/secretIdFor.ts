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
