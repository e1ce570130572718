/**
 * A connection as the conformance generators record Airflow's reading of it (`_common.fields_of`:
 * Airflow's snake_case fields and `extra_dejson`).
 *
 * @example
 * ```ts
 * const fields: AirflowFields = vector.expected.aws_default;
 * ```
 */
export interface AirflowFields {
  conn_id: string | null;
  conn_type: unknown;
  host: unknown;
  login: unknown;
  password: unknown;
  schema: unknown;
  port: unknown;
  extra_dejson: Record<string, unknown>;
  description: unknown;
}
