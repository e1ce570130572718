import type { Connection } from "./Connection.js";
import { buildConnection } from "./airflowFields.js";
import { CodecProblem } from "./CodecProblem.js";
import { type ParseOptions, toFormatError } from "./codecError.js";
import { DEFAULT_CONNECTION_PARSER } from "./ConnectionParser.js";
import { connIdOf } from "./connIdOf.js";
import { parseJsonFields } from "./parseJsonFields.js";
import { type PyValue, pyJsonLoads } from "./python/pythonJson.js";
import { pyFromPlain } from "./python/pythonJsonDumps.js";

function toPyValue(input: unknown): PyValue {
  if (typeof input === "string") return pyJsonLoads(input);
  if (input !== null && typeof input === "object" && !Array.isArray(input)) return pyFromPlain(input);
  throw new CodecProblem("expected a JSON text or an object", "json");
}

/**
 * Parses Airflow's JSON connection form exactly as Airflow 3's `Connection.from_json(text, conn_id)`:
 * keys `conn_type, description, host, login, password, schema, port, extra` (and `uri`, which may not
 * be mixed with the others); `extra` an object or a JSON string of one; `port` a number or a numeric
 * string (`0`, `""` and `null` mean no port); `conn_type` normalised (`postgresql` -> `postgres`,
 * `-` -> `_`); an empty password stays `""` with the Task SDK's parser (the default) and is absent
 * with the server's (`options.parser: "server"`). Unknown keys are an error, as in Airflow.
 *
 * Deliberately stricter than Airflow: text fields must be strings (or null) and the port must lie in
 * 0..65535 (Airflow stores whatever it is given).
 *
 * @param textOrObject - the JSON text, or an already parsed object.
 * @param connId - the connection id; validated (`InvalidConnIdError`); `""` when omitted.
 * @param options - where the text came from, named in errors; which Airflow parser to follow.
 * @returns a {@link Connection} that prints with its secrets as `***`.
 * @throws ConnectionFormatError naming the position or the key that is wrong, never a value.
 *
 * @example
 * ```ts
 * const c = parseConnectionJson('{"conn_type": "aws", "login": "AKIA", "password": "s", "extra": {"region_name": "eu-west-1"}}', "aws_default");
 * c.connType;          // "aws"
 * c.extra.region_name; // "eu-west-1"
 * ```
 */
export function parseConnectionJson(
  textOrObject: string | Record<string, unknown>,
  connId?: string,
  options?: ParseOptions,
): Connection {
  let connection: Connection;
  try {
    const parsed = toPyValue(textOrObject);
    if (parsed.t !== "dict") throw new CodecProblem("the JSON must be an object", "json");
    const parser = options?.parser ?? DEFAULT_CONNECTION_PARSER;
    connection = buildConnection("", parseJsonFields(parsed.v, parser), parser);
  } catch (e) {
    return toFormatError(e, "JSON", connId, options);
  }
  // As in Airflow, the data is checked before the id.
  connection.connId = connIdOf(connId);
  return connection;
}
