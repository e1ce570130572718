import type { Connection, LineTree } from "@awsconn/core";
import { notJsonKeyKind } from "./pyyamlJsonShapes.js";
import {
  CONNECTION_FIELD_KEYS,
  ConnectionFormatError,
  createConnection,
  isValidConnId,
  parseConnectionUri,
  parsePythonJson,
} from "@awsconn/core";

/** Reports a problem at a 1-based line of the file; never returns. */
export type Fail = (reason: string, line: number, cause?: unknown) => never;

/**
 * The keys a connection object in a file may have (Airflow's `Connection.__init__` parameters +
 * `extra_dejson`). `team_name` (Airflow 3.3) is accepted and ignored: Airflow's
 * `LocalFilesystemBackend` serves every entry to every caller, whatever team either names.
 */
export const CONNECTION_FILE_KEYS: readonly string[] = [
  "conn_id",
  ...CONNECTION_FIELD_KEYS,
  "team_name",
  "extra_dejson",
];

/**
 * Turns one entry of a connections file into a {@link Connection}, as Airflow's
 * `_create_connection` does: a string is a URI, read with the server's parser as Airflow does on
 * workers too (an empty string gives an empty connection); an
 * object holds the fields (`conn_type` kept as written, an empty password absent, `extra` an
 * object or a JSON string, `extra_dejson` an object, `uri` exclusive of the other fields, a
 * `conn_id` equal to its key). Anything else is refused through `fail`, at the line of the
 * offending key.
 *
 * Deviation (documented): `port` must be an integer or a string of digits; Airflow keeps any value.
 *
 * @example
 * ```ts
 * createFileConnection("db", { conn_type: "postgres", host: "h", port: 5432 }, { line: 3 }, fail);
 * ```
 */
export function createFileConnection(key: string, value: unknown, tree: LineTree, fail: Fail): Connection {
  if (typeof value === "string") {
    if (value === "") return createConnection({ connId: key });
    return fromUri(key, value, tree.line, fail);
  }
  if (!isPlainObject(value)) {
    return fail(
      `unexpected value type ${pythonType(value)} for "${key}": a connection is a string (URI) or an object`,
      tree.line,
    );
  }
  const lineOf = (field: string) => tree.fields?.get(field)?.line ?? tree.line;
  const illegal = Object.keys(value).filter((k) => !CONNECTION_FILE_KEYS.includes(k));
  if (illegal.length > 0) {
    return fail(
      `illegal keys: ${illegal.join(", ")}; a connection object may only have ${CONNECTION_FILE_KEYS.join(", ")}`,
      lineOf(illegal[0] as string),
    );
  }
  const has = (k: string) => Object.hasOwn(value, k);
  if (has("extra") && has("extra_dejson")) {
    return fail("extra and extra_dejson are mutually exclusive; give only one", lineOf("extra_dejson"));
  }
  if (has("conn_id") && value.conn_id !== key) {
    return fail(
      `conn_id ${JSON.stringify(String(value.conn_id))} differs from its key "${key}"`,
      lineOf("conn_id"),
    );
  }
  if (truthy(value.password) && typeof value.password !== "string") {
    // Airflow fails here too (TypeError: encoding without a string argument).
    return fail(`password must be a string, not ${pythonType(value.password)}`, lineOf("password"));
  }
  const extraField = has("extra_dejson") ? "extra_dejson" : "extra";
  // Airflow json.dumps() extra_dejson always, so even an empty one counts as given.
  const extraGiven = has("extra_dejson") || truthy(value.extra);
  const extra = extraGiven ? parseExtra(value[extraField], extraField, lineOf(extraField), fail) : {};
  const description = optionalString(value.description, "description", lineOf("description"), fail);
  // Airflow writes into the entry it reads (conn_id set, extra_dejson turned into extra). A YAML
  // alias shares one mapping between keys, so a second key sees that edit: mirror it.
  if (has("extra_dejson")) {
    value.extra = JSON.stringify(value.extra_dejson);
    delete value.extra_dejson;
  }
  value.conn_id = key;

  if (truthy(value.uri)) {
    const mixed = ["conn_type", "host", "login", "password", "schema", "port"].filter((k) =>
      truthy(value[k]),
    );
    if (extraGiven) mixed.push(extraField);
    if (mixed.length > 0) {
      return fail(
        `uri cannot be combined with ${mixed.join(", ")}: use the URI or the fields`,
        lineOf("uri"),
      );
    }
    if (typeof value.uri !== "string") return fail("uri must be a string", lineOf("uri"));
    const fromUriConnection = fromUri(key, value.uri, lineOf("uri"), fail);
    return description === undefined
      ? fromUriConnection
      : createConnection({ ...fromUriConnection, description });
  }

  const text = (field: string) => optionalString(value[field], field, lineOf(field), fail);
  return createConnection({
    connId: key,
    connType: text("conn_type"),
    host: text("host"),
    login: text("login"),
    password: truthy(value.password) ? (value.password as string) : undefined,
    schema: text("schema"),
    port: parsePort(value.port, lineOf("port"), fail),
    extra,
    description,
  });
}

// Airflow's _create_connection builds airflow.models.Connection in every process, a worker's too
// (it ignores the Task SDK class the worker gives the backend): a file's URIs follow the server's
// parser (`?timeout=30` is 30, `user:@host` has no password), whatever parser the other sources use.
const SERVER = { parser: "server" } as const;

function fromUri(key: string, uri: string, line: number, fail: Fail): Connection {
  try {
    // Airflow accepts any key here (an invalid one just gets conn_id None); lookups validate ids.
    if (isValidConnId(key)) return parseConnectionUri(uri, key, SERVER);
    return createConnection({ ...parseConnectionUri(uri, undefined, SERVER), connId: key });
  } catch (error) {
    if (error instanceof ConnectionFormatError) return fail(error.reason, line, error);
    return fail("invalid URI", line);
  }
}

function parseExtra(raw: unknown, field: string, line: number, fail: Fail): Record<string, unknown> {
  let parsed = raw;
  if (typeof raw === "string" && field === "extra") {
    try {
      parsed = parsePythonJson(raw).value;
    } catch {
      return fail(`${field} is not valid JSON`, line);
    }
  }
  if (!isPlainObject(parsed)) return fail(`${field} must be a JSON object, not ${pythonType(parsed)}`, line);
  // Airflow json.dumps() the extra: a YAML date or !!binary bytes in it is a TypeError ("Object of
  // type datetime/bytes is not JSON serializable").
  const notJson = typeof raw === "string" ? undefined : notJsonIn(parsed);
  if (notJson === "date") return fail(`${field} holds a YAML date, which is not JSON; quote it`, line);
  if (notJson === "bytes")
    return fail(`${field} holds binary data (!!binary), which is not JSON; give it as text`, line);
  if (notJson === "set") return fail(`${field} holds a set (!!set), which is not JSON; give a list`, line);
  return parsed;
}

function parsePort(raw: unknown, line: number, fail: Fail): number | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number" && Number.isInteger(raw)) return raw;
  if (typeof raw === "string" && /^\s*[+-]?[0-9]+\s*$/.test(raw)) return Number.parseInt(raw, 10);
  return fail(`port must be an integer, not ${pythonType(raw)}`, line);
}

/**
 * A text field: a number or boolean becomes its text (awsconn's fields are strings); a list or
 * mapping is refused (it has no text: `String()` would give "[object Object]" or the items joined).
 */
function optionalString(raw: unknown, field: string, line: number, fail: Fail): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (raw instanceof Date) return fail(`${field} must be a string, not a YAML date; quote it`, line);
  if (typeof raw === "object") return fail(`${field} must be a string, not ${pythonType(raw)}`, line);
  return String(raw);
}

/** Python truthiness: None, False, 0, "", [] and {} are false. */
/** Python's truth value of a parsed value (NaN is true to Python: `bool(float("nan"))`). */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isPlainObject(v)) return Object.keys(v).length > 0;
  return true;
}

/** The first value (or key) in `v` that Python's `json.dumps` refuses: a YAML date, `!!binary` bytes, a `!!set`. */
function notJsonIn(v: unknown): "date" | "bytes" | "set" | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (v instanceof Date) return "date";
  if (v instanceof Uint8Array) return "bytes";
  if (v instanceof Set) return "set";
  if (!Array.isArray(v)) {
    const key = Object.keys(v)
      .map(notJsonKeyKind)
      .find((kind) => kind !== undefined);
    if (key) return key;
  }
  for (const item of Array.isArray(v) ? v : Object.values(v)) {
    const found = notJsonIn(item);
    if (found) return found;
  }
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Date) &&
    !(v instanceof Uint8Array) &&
    !(v instanceof Set)
  );
}

function pythonType(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "str";
  if (Array.isArray(v)) return "list";
  if (v instanceof Date) return "datetime";
  if (v instanceof Uint8Array) return "bytes";
  if (v instanceof Set) return "set";
  return "dict";
}
