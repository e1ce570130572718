import {
  type Connection,
  connectionToUri,
  createConnection,
  REDACTED,
  redactConnection,
} from "@awsconn/core";

/** Where a connection was found: the source's name and the exact origin. */
export interface Provenance {
  /** `env`, `file`, `secretsmanager`, `ssm`, ... */
  source?: string;
  /** `env:AIRFLOW_CONN_AWS_DEFAULT`, `file:conns.yaml:3`, `secretsmanager:airflow/connections/x@v1`, ... (null when merged) */
  origin?: string | null;
  /** A merged connection (merge mode): every layer that had the id, highest priority first. */
  merged?: { source: string; origin: string }[];
}

/** `get --json` output: Airflow's snake_case fields plus `source` and `origin`. */
export interface ConnectionOutputJson {
  conn_id: string;
  conn_type: string | null;
  description: string | null;
  host: string | null;
  login: string | null;
  password: string | null;
  schema: string | null;
  port: number | null;
  extra: Record<string, unknown>;
  /** The winning source, or `merged` when several layers were merged. */
  source: string | null;
  origin: string | null;
  /** Only for a merged connection: its layers, highest priority first. */
  merged_from?: { source: string; origin: string }[];
}

/**
 * The `get --json` object. Secrets (`password`, secret-looking extras) are `***` unless `showSecrets`.
 *
 * @example
 * ```ts
 * connectionOutputJson(conn, { source: "env", origin: "env:AIRFLOW_CONN_X" }, false).password; // "***"
 * ```
 */
export function connectionOutputJson(
  connection: Connection,
  provenance: Provenance,
  showSecrets: boolean,
): ConnectionOutputJson {
  const c = showSecrets ? connection : redactConnection(connection);
  return {
    conn_id: c.connId,
    conn_type: c.connType ?? null,
    description: c.description ?? null,
    host: c.host ?? null,
    login: c.login ?? null,
    password: c.password ?? null,
    schema: c.schema ?? null,
    port: c.port ?? null,
    extra: { ...(c.extra ?? {}) },
    source: provenance.source ?? null,
    origin: provenance.origin ?? null,
    ...(provenance.merged ? { merged_from: provenance.merged } : {}),
  };
}

/** Fields whose empty string means "not given" (`aws://?region_name=x` parses host and schema as ""). */
const EMPTY_MEANS_ABSENT = new Set(["conn_type", "description", "host", "schema"]);

/**
 * The human form of `get`: one `field  value` line per present field, `extra` as compact JSON; a
 * merged connection lists its layers (`merged_from`) one per line.
 *
 * @example
 * ```ts
 * connectionText(connectionOutputJson(conn, hit, false));
 * ```
 */
export function connectionText(json: ConnectionOutputJson, dim: (s: string) => string = (s) => s): string {
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(json)) {
    if (value === null || (value === "" && EMPTY_MEANS_ABSENT.has(key))) continue;
    if (key === "extra" && Object.keys(value as object).length === 0) continue;
    if (key === "merged_from") {
      for (const layer of value as { source: string; origin: string }[]) rows.push(["layer", layer.origin]);
      continue;
    }
    rows.push([key, typeof value === "string" && value !== "" ? value : JSON.stringify(value)]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${dim(k.padEnd(width))}  ${v}`).join("\n");
}

// Made only of characters that Python's quote(safe="") leaves bare, so it survives URI encoding intact.
const PLACEHOLDER = "__awsconn_redacted_7f3a__";

/**
 * The connection's Airflow URI; with `showSecrets` false the password and secret-looking extras
 * read `***` (the result is then for display, not for use).
 *
 * @example
 * ```ts
 * displayUri(conn, false); // "aws://AKIA...:***@?region_name=eu-west-1"
 * ```
 */
export function displayUri(connection: Connection, showSecrets: boolean): string {
  if (showSecrets) return connectionToUri(connection);
  const redacted = redactConnection(connection);
  const swap = (value: unknown): unknown => {
    if (value === REDACTED) return PLACEHOLDER;
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  const { extra, ...rest } = redacted;
  const masked = createConnection({ ...rest, extra: swap(extra) as Record<string, unknown> });
  if (masked.password !== undefined) masked.password = PLACEHOLDER;
  return connectionToUri(masked).split(PLACEHOLDER).join(REDACTED);
}
