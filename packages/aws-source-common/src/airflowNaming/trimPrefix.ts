/**
 * Airflow's prefix trimming in the AWS backends: trailing characters of `sep` removed from the
 * prefix (Python's `prefix.rstrip(sep)`, which strips any of `sep`'s characters, not the string).
 * `""`, `null` and `undefined` give `""` (the caller decides what an absent prefix means).
 *
 * @example
 * ```ts
 * trimPrefix("airflow/connections//", "/"); // "airflow/connections"
 * trimPrefix("conn-:", "-:");                // "conn"
 * ```
 */
export function trimPrefix(prefix: string | null | undefined, sep: string): string {
  if (!prefix) return "";
  const chars = new Set(sep);
  let end = prefix.length;
  while (end > 0 && chars.has(prefix[end - 1] as string)) end--;
  return prefix.slice(0, end);
}
