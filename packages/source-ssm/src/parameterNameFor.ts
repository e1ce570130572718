/**
 * Airflow's prefix handling for SSM: trailing `/` trimmed (`rstrip("/")`); `""`/`null` = no prefix.
 *
 * @example
 * ```ts
 * trimSsmPrefix("/airflow/connections/"); // "/airflow/connections"
 * ```
 */
export function trimSsmPrefix(prefix: string | null | undefined): string {
  return prefix ? prefix.replace(/\/+$/, "") : "";
}

/**
 * The parameter name of a connection, as Airflow builds it: `prefix + "/" + connId`, with a
 * leading `/` added when missing (`prefix` already trimmed by {@link trimSsmPrefix}).
 *
 * @example
 * ```ts
 * parameterNameFor("airflow/connections", "team/aws_default"); // "/airflow/connections/team/aws_default"
 * ```
 */
export function parameterNameFor(prefix: string, connId: string): string {
  const name = `${prefix}/${connId}`;
  return name.startsWith("/") ? name : `/${name}`;
}
