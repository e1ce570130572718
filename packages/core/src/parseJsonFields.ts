// Airflow's Connection.from_json followed by Connection.__init__ (airflow-core models/connection.py).
import type { AirflowFields } from "./airflowFields.js";
import type { ConnectionParser } from "./ConnectionParser.js";
import { CodecProblem } from "./CodecProblem.js";
import { CONNECTION_FIELD_KEYS } from "./connectionFieldKeys.js";
import { normalizeConnType } from "./normalizeConnType.js";
import { parseUriFields } from "./parseUriFields.js";
import { pyInt } from "./python/pythonInt.js";
import type { PyValue } from "./python/pythonJson.js";
import { pyTruthy } from "./python/pyTruthy.js";

// Connection.__init__ also takes team_name (Airflow 3.1); it is accepted and ignored here.
const KEYS = new Set([...CONNECTION_FIELD_KEYS, "team_name"]);

function shownKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/** A text field: a string or null; awsconn refuses other types (Airflow would store them as they are). */
function text(kwargs: Map<string, PyValue>, key: string): string | null {
  const v = kwargs.get(key);
  if (v === undefined || v.t === "null") return null;
  if (v.t !== "str") throw new CodecProblem(`\`${key}\` must be a string or null`, "field");
  return v.v;
}

/** The fields Airflow's `Connection.from_json(text)` sets, given the parsed JSON object. */
export function parseJsonFields(kwargs: Map<string, PyValue>, parser: ConnectionParser): AirflowFields {
  for (const key of kwargs.keys()) {
    if (key === "conn_id") {
      throw new CodecProblem("the JSON must not contain `conn_id` (the id is given separately)", "field");
    }
    if (!KEYS.has(key)) {
      throw new CodecProblem(
        `unknown key ${shownKey(key)} (allowed: ${CONNECTION_FIELD_KEYS.join(", ")})`,
        "field",
      );
    }
  }
  const extra = kwargs.get("extra");
  let extraText: string | null = null;
  let extraTree: PyValue | undefined;
  if (extra && pyTruthy(extra)) {
    if (extra.t === "str") extraText = extra.v;
    else extraTree = extra;
  }

  const rawType = kwargs.get("conn_type");
  let connType: string | null = null;
  if (rawType && pyTruthy(rawType)) {
    if (rawType.t !== "str") throw new CodecProblem("`conn_type` must be a string", "field");
    connType = normalizeConnType(rawType.v);
  }

  const rawPort = kwargs.get("port");
  let port: number | null = null;
  if (rawPort && pyTruthy(rawPort)) {
    port = pyInt(rawPort);
    if (port < 0 || port > 65535) throw new CodecProblem("`port` is out of range 0-65535", "port");
  }

  const host = text(kwargs, "host");
  const login = text(kwargs, "login");
  // The server's set_password ignores any false-y value (None, "", false, 0): no password; the
  // Task SDK keeps what it is given ("" included).
  const rawPassword = kwargs.get("password");
  const keep = parser === "task" ? rawPassword !== undefined : rawPassword && pyTruthy(rawPassword);
  const password = keep ? text(kwargs, "password") : null;
  const schema = text(kwargs, "schema");
  const description = text(kwargs, "description");
  const uri = text(kwargs, "uri");
  if (parser === "task" && uri !== null) {
    // The Task SDK parses any uri that is not None, "" included, and refuses it beside any other
    // key from_json passes on: every key but extra, conn_type and port, which it drops when false-y.
    for (const key of kwargs.keys()) {
      const dropped =
        key === "uri" ||
        (key === "extra" && !extraText && !extraTree) ||
        (key === "conn_type" && !connType) ||
        (key === "port" && port === null);
      if (dropped) continue;
      throw new CodecProblem(
        "give either `uri` or the separate fields (conn_type, host, login, password, schema, port, extra, description), not both",
        "field",
      );
    }
    return parseUriFields(uri, parser);
  }
  if (uri) {
    if (connType || host || login || password || schema || port || extraText || extraTree) {
      throw new CodecProblem(
        "give either `uri` or the separate fields (conn_type, host, login, password, schema, port, extra), not both",
        "field",
      );
    }
    return { ...parseUriFields(uri, parser), description };
  }
  return {
    connType,
    description,
    host,
    login,
    password,
    schema,
    port,
    extraText,
    ...(extraTree && { extraTree }),
  };
}
