import { ConfigError } from "@awsconn/core";

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

/**
 * Compiles Airflow's `lookup_pattern`: a regular expression tested case-insensitively and
 * anchored at the start of the id only (Python's `re.match`). `undefined` or `""` matches every id.
 * A pattern JavaScript cannot compile is a `ConfigError`.
 *
 * @example
 * ```ts
 * compileLookupPattern("aws_")("AWS_default"); // true
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
