import type { Connection } from "./Connection.js";
import { type ParseOptions, toFormatError } from "./codecError.js";
import { CodecProblem } from "./CodecProblem.js";
import { parseConnectionJson } from "./parseConnectionJson.js";
import { parseConnectionUri } from "./parseConnectionUri.js";
import { pyStrip } from "./pythonInt.js";

/**
 * Parses a stored connection value the way Airflow's secrets backends do
 * (`BaseSecretsBackend.deserialize_connection`): strip surrounding whitespace (Python's set); a
 * leading `{` means the JSON form ({@link parseConnectionJson}), anything else a URI
 * ({@link parseConnectionUri}). An empty or blank value is an error.
 *
 * @example
 * ```ts
 * parseConnectionValue("  aws://AKIA:secret@  \n", "aws_default").login;       // "AKIA"
 * parseConnectionValue('{"conn_type": "aws"}', "aws_default").connType;         // "aws"
 * ```
 */
export function parseConnectionValue(text: string, connId?: string, options?: ParseOptions): Connection {
  const value = typeof text === "string" ? pyStrip(text) : "";
  if (value === "") {
    return toFormatError(new CodecProblem("the value is empty", "uri"), "URI", connId, options);
  }
  return value.startsWith("{")
    ? parseConnectionJson(value, connId, options)
    : parseConnectionUri(value, connId, options);
}
