import type { Connection } from "./Connection.js";
import { buildConnection } from "./airflowFields.js";
import { CodecProblem } from "./CodecProblem.js";
import { type ParseOptions, toFormatError } from "./codecError.js";
import { connIdOf } from "./connIdOf.js";
import { parseUriFields } from "./parseUriFields.js";

export type { ParseOptions } from "./codecError.js";

/**
 * Parses an Airflow connection URI exactly as Airflow 3's `Connection(conn_id, uri=...)` does:
 * `conn_type://login:password@host:port/schema?k=v`, each part percent-decoded with Python's
 * `unquote`; `+` in the query is a space; repeated keys: last wins; a query value that is JSON
 * becomes that JSON value; `__extra__=<json object>` replaces the whole extra; a host may carry its
 * own protocol (`spark://k8s://10.0.0.1:443`); the host is lower-cased unless it contains `/`;
 * an empty password is absent, an empty login stays `""`; `postgresql` becomes `postgres` and `-`
 * in the type becomes `_`. An empty string gives a connection with no fields, as in Airflow.
 * With `options.parser: "task"` it follows the Task SDK's parser instead (query values stay
 * strings, an empty password stays `""`; see {@link ConnectionParser}).
 *
 * @param uri - the URI text.
 * @param connId - the connection id; validated (`InvalidConnIdError`); `""` when omitted.
 * @param options - where the text came from, named in errors; which Airflow parser to follow.
 * @returns a {@link Connection} that prints with its secrets as `***`.
 * @throws ConnectionFormatError when Airflow would refuse the URI (bad port, more than two `://`,
 *   `__extra__` that is not a JSON object, ...). The message names the part, never the URI or password.
 *
 * @example
 * ```ts
 * const c = parseConnectionUri("aws://AKIAEXAMPLE:s%2Fcret@/?region_name=eu-west-1", "aws_default");
 * c.password;             // "s/cret"
 * c.extra.region_name;    // "eu-west-1"
 * ```
 */
export function parseConnectionUri(uri: string, connId?: string, options?: ParseOptions): Connection {
  let connection: Connection;
  try {
    if (typeof uri !== "string") throw new CodecProblem("the URI must be a string", "uri");
    const parser = options?.parser ?? "server";
    connection = buildConnection("", uri === "" ? {} : parseUriFields(uri, parser), parser);
  } catch (e) {
    return toFormatError(e, "URI", connId, options);
  }
  // As in Airflow, the data is checked before the id.
  connection.connId = connIdOf(connId);
  return connection;
}
