import type { Connection } from "./Connection.js";
import { extraFromText, extraFromTree } from "./airflowExtra.js";
import type { PyValue } from "./python/pythonJson.js";
import type { ConnectionParser } from "./ConnectionParser.js";
import { createConnection } from "./createConnection.js";

/**
 * A connection's fields as Airflow's `Connection` holds them after parsing (`null` = Python
 * `None`), with the extra still as Airflow's JSON text. Private to the codec.
 */
export interface AirflowFields {
  connType?: string | null;
  description?: string | null;
  host?: string | null;
  login?: string | null;
  password?: string | null;
  schema?: string | null;
  port?: number | null;
  extraText?: string | null;
  /** The extra as a value the codec parsed itself (instead of `extraText`; its text is `pyJsonDumps` of it). */
  extraTree?: PyValue;
}

/**
 * Makes the public, safely printable {@link Connection}: `None` fields are absent, an empty
 * password is absent (the server's `set_password` ignores it; the Task SDK's parser keeps `""`),
 * the extra text is validated and parsed (with either parser it must be a JSON object).
 */
export function buildConnection(connId: string, f: AirflowFields, parser: ConnectionParser): Connection {
  const task = parser === "task";
  let extra: Record<string, unknown> = {};
  if (f.extraTree) extra = extraFromTree(f.extraTree);
  else if (f.extraText) extra = extraFromText(f.extraText);
  return createConnection({
    connId,
    connType: f.connType ?? undefined,
    description: f.description ?? undefined,
    host: f.host ?? undefined,
    login: f.login ?? undefined,
    password: (task ? f.password : f.password || undefined) ?? undefined,
    schema: f.schema ?? undefined,
    port: f.port ?? undefined,
    extra,
  });
}
