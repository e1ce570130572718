/**
 * The keyword arguments of Airflow's `Connection.__init__` that carry connection data, besides
 * `conn_id` (and Airflow 3.1's `team_name`, which awsconn ignores), in Airflow's order. Every
 * reader of Airflow's object forms starts from this list: `Connection.from_json` (the JSON
 * codec) and the local-filesystem backend (`@awsconn/source-file`, which adds `conn_id` and
 * `extra_dejson`).
 *
 * @example
 * ```ts
 * import { CONNECTION_FIELD_KEYS } from "@awsconn/core";
 *
 * CONNECTION_FIELD_KEYS.includes("port"); // true
 * const fileKeys = ["conn_id", ...CONNECTION_FIELD_KEYS, "extra_dejson"];
 * ```
 */
export const CONNECTION_FIELD_KEYS: readonly string[] = [
  "conn_type",
  "description",
  "host",
  "login",
  "password",
  "schema",
  "port",
  "extra",
  "uri",
];
