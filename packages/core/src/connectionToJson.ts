import type { Connection } from "./Connection.js";

/**
 * Airflow's JSON connection form (`Connection.as_json()`), snake_case keys. Absent fields are
 * left out; `extra` only when it has keys. This is a storage format: it holds the password.
 */
export interface AirflowConnectionJson {
  conn_type?: string;
  description?: string;
  host?: string;
  login?: string;
  password?: string;
  schema?: string;
  port?: number;
  extra?: Record<string, unknown>;
}

/**
 * The object Airflow 3's `Connection.as_json()` serialises: keys in Airflow's order
 * (`conn_type, description, host, login, password, schema, port, extra`), absent (`None`) fields
 * left out, empty strings and port `0` kept, `extra` only when non-empty; no `conn_id`.
 * `JSON.stringify` of it is what Airflow stores in a secrets backend (the password included).
 *
 * @example
 * ```ts
 * connectionToJson(parseConnectionUri("aws://AKIA:s@/?region_name=eu-west-1", "aws_default"));
 * // { conn_type: "aws", host: "", login: "AKIA", password: "s", schema: "", extra: { region_name: "eu-west-1" } }
 * ```
 */
export function connectionToJson(c: Connection): AirflowConnectionJson {
  const out: AirflowConnectionJson = {};
  if (c.connType !== undefined && c.connType !== null) out.conn_type = c.connType;
  if (c.description !== undefined && c.description !== null) out.description = c.description;
  if (c.host !== undefined && c.host !== null) out.host = c.host;
  if (c.login !== undefined && c.login !== null) out.login = c.login;
  if (c.password !== undefined && c.password !== null) out.password = c.password;
  if (c.schema !== undefined && c.schema !== null) out.schema = c.schema;
  if (c.port !== undefined && c.port !== null) out.port = c.port;
  if (c.extra && Object.keys(c.extra).length > 0) out.extra = structuredClone(c.extra);
  return out;
}
