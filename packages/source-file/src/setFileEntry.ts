import { type Connection, ConnectionFormatError, connectionToJson, connectionToUri } from "@awsconn/core";
import { type ConnectionsFileFormat, type LoadedConnections, loadConnections } from "./loadConnections.js";
import { setEnvEntry } from "./setEnvEntry.js";
import { setJsonEntry } from "./setJsonEntry.js";
import { setYamlEntry } from "./setYamlEntry.js";

// Nothing but blank lines and comments (a YAML document with no content, an empty file).
const BLANK = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/;

/**
 * The text of a connections file with one connection set (added, or replacing the entry of that
 * id), in Airflow's form for the format: `.json`/`.yaml` an object of `conn_type, description, host,
 * login, password, schema, port, extra`, `.env` an `ID=URI` line. Every other entry, comment and
 * line is kept (see {@link setYamlEntry}, {@link setJsonEntry}, {@link setEnvEntry}).
 *
 * Fails closed with a `ConnectionFormatError` (nothing is to be written) when the text has a
 * problem outside the entry being replaced, when the format cannot hold the connection (a `.env`
 * URI has no description), or when reading the new text back with awsconn's reader would give
 * anything else: a different value of any field of the connection, or any change to another entry.
 * Messages name fields and ids, never values.
 *
 * @example
 * ```ts
 * setFileEntry("other: http://h\n", "yaml", connection, "file:conns.yaml"); // "other: http://h\naws_default:\n  ..."
 * ```
 */
export function setFileEntry(
  text: string,
  format: ConnectionsFileFormat,
  connection: Connection,
  origin: string,
): string {
  const id = connection.connId;
  const refuse = (reason: string, line?: number) =>
    new ConnectionFormatError(`cannot write "${id}": ${reason}; nothing was written`, { origin, line });
  const before: LoadedConnections = BLANK.test(text)
    ? { entries: new Map(), problems: [] }
    : loadConnections(text, format);
  const foreign = before.problems.find((p) => p.connId !== id);
  if (foreign) throw refuse(`the file has a problem to fix first (${foreign.reason})`, foreign.line);
  if (format === "env" && connection.description !== undefined) {
    throw refuse("a .env file holds URIs, which cannot carry a description; use a .yaml or .json file");
  }
  const fields = connectionToJson(connection) as Record<string, unknown>;
  const base = BLANK.test(text) && format === "json" ? "" : text;
  let next: string;
  try {
    next =
      format === "env"
        ? setEnvEntry(base, id, connectionToUri(connection))
        : format === "json"
          ? setJsonEntry(base, id, fields)
          : setYamlEntry(base, id, fields);
  } catch (error) {
    // The editors' own messages (a flow mapping, a shared anchor): they never quote the text.
    throw refuse(error instanceof Error ? error.message : "the file cannot be edited");
  }
  // A URI cannot tell an absent login, host or schema from an empty one: in .env files they are equal.
  const comparable = (c: Connection) => {
    const json = connectionToJson(c) as Record<string, unknown>;
    if (format === "env") for (const k of ["login", "host", "schema"]) if (json[k] === "") delete json[k];
    return json;
  };

  const after = loadConnections(next, format);
  const problem = after.problems[0];
  if (problem) throw refuse(`the new text would not read back (${problem.reason})`, problem.line);
  const written = after.entries.get(id)?.connection;
  if (!written) throw refuse(`the id would not read back as an entry of a ${format} file`);
  const changed = firstDifference(comparable(written), comparable(connection));
  if (changed !== undefined) throw refuse(`its ${changed} would read back differently in this format`);
  for (const [other, entry] of before.entries) {
    if (other === id) continue;
    const now = after.entries.get(other)?.connection;
    if (!now || firstDifference(connectionToJson(now), connectionToJson(entry.connection)) !== undefined)
      throw refuse(`entry ${JSON.stringify(other)} would change (it shares YAML anchors with this one?)`);
  }
  return next;
}

/** The first field (as a key path) where two connection field objects differ; -0 equals 0. */
function firstDifference(a: unknown, b: unknown, path = ""): string | undefined {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return undefined;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? undefined : path;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return path || "value";
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const at = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) return at;
    const diff = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      at,
    );
    if (diff !== undefined) return diff;
  }
  return undefined;
}
