/**
 * An Airflow connection, field for field as Airflow's `Connection` model holds it.
 *
 * Field names are camelCase here; {@link connectionToJson} gives Airflow's snake_case form.
 * `extra` is always an object (Airflow's `extra_dejson`); an absent extra is `{}`.
 *
 * @example
 * ```ts
 * const c: Connection = { connId: "aws_default", connType: "aws", login: "AKIA...", extra: { region_name: "eu-west-1" } };
 * ```
 */
export interface Connection {
  /** The connection id, e.g. `aws_default`. */
  connId: string;
  /** The type, normalised like Airflow (`postgresql` -> `postgres`, `-` -> `_`). */
  connType?: string;
  /** Host name, or a full URL when the host carries its own protocol. */
  host?: string;
  /** Login (for `aws`: the access key id). An empty login is kept as `""`. */
  login?: string;
  /** Password (for `aws`: the secret access key). An empty password is absent. */
  password?: string;
  /** Schema (database name, or the path part of the URI). */
  schema?: string;
  /** Port, 0..65535. */
  port?: number;
  /** Extra fields (Airflow's `extra_dejson`). */
  extra: Record<string, unknown>;
  /** Free-text description. */
  description?: string;
}
