/**
 * Airflow's `Connection._normalize_conn_type`: `postgresql` becomes `postgres`; otherwise every
 * `-` becomes `_`. Nothing else changes (no lower-casing).
 *
 * @example
 * ```ts
 * normalizeConnType("postgresql");      // "postgres"
 * normalizeConnType("google-cloud-platform"); // "google_cloud_platform"
 * normalizeConnType("aws");             // "aws"
 * ```
 */
export function normalizeConnType(connType: string): string {
  if (connType === "postgresql") return "postgres";
  return connType.replaceAll("-", "_");
}
