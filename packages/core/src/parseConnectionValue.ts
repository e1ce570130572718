import type { Connection } from "./Connection.js";
import { type ParseOptions, toFormatError } from "./codecError.js";
import { CodecProblem } from "./CodecProblem.js";
import { parseConnectionJson } from "./parseConnectionJson.js";
import { parseConnectionUri } from "./parseConnectionUri.js";
import { pythonStrip } from "./python/pythonStrip.js";

/**
 * Parses a stored connection value the way Airflow's secrets backends do
 * (`BaseSecretsBackend.deserialize_connection`): strip surrounding whitespace (Python's set); a
 * leading `{` means the JSON form ({@link parseConnectionJson}), anything else a URI
 * ({@link parseConnectionUri}). An empty or blank value is an error.
 *
 * One deliberate difference (listed in `conformance/deviations.json`): a value that starts with a
 * byte-order mark (U+FEFF, which Python's `strip()` keeps) is an error. Airflow reads it as a URI
 * with an empty `conn_type` and the rest of the value, password included, in `schema`.
 *
 * @example
 * ```ts
 * parseConnectionValue("  aws://AKIA:secret@  \n", "aws_default").login;       // "AKIA"
 * parseConnectionValue('{"conn_type": "aws"}', "aws_default").connType;         // "aws"
 * ```
 */
export function parseConnectionValue(text: string, connId?: string, options?: ParseOptions): Connection {
  const value = typeof text === "string" ? pythonStrip(text) : "";
  if (value === "") {
    return toFormatError(new CodecProblem("the value is empty", "uri"), "URI", connId, options);
  }
  if (value.startsWith("\ufeff")) {
    const problem = new CodecProblem("the value starts with a byte-order mark (U+FEFF): remove it", "uri");
    return toFormatError(problem, "URI", connId, options);
  }
  return value.startsWith("{")
    ? parseConnectionJson(value, connId, options)
    : parseConnectionUri(value, connId, options);
}
