import type { Connection } from "./Connection.js";
import { buildConnection } from "./airflowFields.js";
import { CodecProblem } from "./CodecProblem.js";
import { type ParseOptions, toFormatError } from "./codecError.js";
import { DEFAULT_CONNECTION_PARSER } from "./ConnectionParser.js";
import { connIdOf } from "./connIdOf.js";
import { parseUriFields } from "./parseUriFields.js";

export type { ParseOptions } from "./codecError.js";

/**
 * Parses an Airflow connection URI exactly as Airflow 3's `Connection(conn_id, uri=...)` does:
 * `conn_type://login:password@host:port/schema?k=v`, each part percent-decoded with Python's
 * `unquote`; `+` in the query is a space; repeated keys: last wins; `__extra__=<json object>`
 * replaces the whole extra; a host may carry its own protocol (`spark://k8s://10.0.0.1:443`); the
 * host is lower-cased unless it contains `/`; an empty login stays `""`; `postgresql` becomes
 * `postgres` and `-` in the type becomes `_`. An empty string gives a connection with no fields, as
 * in Airflow. By default it follows the Task SDK's parser (what a task on a worker sees): query
 * values stay strings (`?timeout=30` is `"30"`) and an empty password stays `""`. With
 * `options.parser: "server"` it follows `airflow.models.Connection`: a query value that is JSON
 * becomes that JSON value and an empty password is absent (see {@link ConnectionParser}).
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
    const parser = options?.parser ?? DEFAULT_CONNECTION_PARSER;
    // The server's Connection(uri="") parses nothing (an empty uri is false-y); the Task SDK's
    // parses it: conn_type, host and schema "".
    connection = buildConnection(
      "",
      uri === "" && parser === "server" ? {} : parseUriFields(uri, parser),
      parser,
    );
  } catch (e) {
    return toFormatError(e, "URI", connId, options);
  }
  // As in Airflow, the data is checked before the id.
  connection.connId = connIdOf(connId);
  return connection;
}
