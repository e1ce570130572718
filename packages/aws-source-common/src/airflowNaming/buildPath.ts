/**
 * Airflow's `BaseSecretsBackend.build_path`: `prefix + sep + id`, joined as written (no trimming,
 * no check for an empty prefix: `buildPath("", "x")` is `"/x"`, as SSM names it). Secrets
 * Manager uses the bare id when its prefix is empty (see the source's `secretIdFor`).
 *
 * @example
 * ```ts
 * buildPath("/airflow/connections", "aws_default"); // "/airflow/connections/aws_default"
 * buildPath("airflow", "x", "::");                  // "airflow::x"
 * ```
 */
export function buildPath(prefix: string, id: string, sep = "/"): string {
  return `${prefix}${sep}${id}`;
}
