import { type Connection, createConnection, type SourceHit } from "@awsconn/core";

const FIELDS = ["connType", "host", "login", "password", "schema", "port", "description"] as const;
/** Airflow's names of the fields, as every other output shows them. */
const FIELD_NAMES: Record<(typeof FIELDS)[number], string> = {
  connType: "conn_type",
  host: "host",
  login: "login",
  password: "password",
  schema: "schema",
  port: "port",
  description: "description",
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// Lower layers are applied first, so each higher layer overrides; objects merge key by key, arrays are replaced.
function mergeInto(
  target: Record<string, unknown>,
  from: Record<string, unknown>,
  label: string,
  path: string,
  fields: Record<string, string>,
): void {
  for (const [key, value] of Object.entries(from)) {
    const here = `${path}.${key}`;
    const current = target[key];
    if (!isPlainObject(value) || !isPlainObject(current)) {
      // a replacement: forget what lower layers gave at or below this key
      for (const k of Object.keys(fields)) if (k === here || k.startsWith(`${here}.`)) delete fields[k];
    }
    if (isPlainObject(value)) {
      const copy: Record<string, unknown> = isPlainObject(current) ? { ...current } : {};
      mergeInto(copy, value, label, here, fields);
      target[key] = copy;
      if (Object.keys(value).length === 0 && !isPlainObject(current)) fields[here] = label;
    } else {
      target[key] = value;
      fields[here] = label;
    }
  }
}

/**
 * Merge mode: combines the hits of several layers (highest priority first) into one connection.
 * A field comes from the highest layer that sets it (an empty string counts only when no lower layer
 * sets the field); `extra` is merged key by key, deeply.
 * Returns the connection and, for each field (Airflow's names: `conn_type`, `host`, `extra.region_name`, ...), the layer that gave it.
 *
 * @example
 * ```ts
 * const { connection, fields } = mergeHits("aws_default", [
 *   { label: "env", hit: { connection: { connId: "aws_default", extra: { region_name: "us-east-1" } }, origin: "env:X" } },
 *   { label: "secretsmanager", hit: smHit },
 * ]);
 * fields["extra.region_name"]; // "env"
 * ```
 */
export function mergeHits(
  connId: string,
  hits: readonly { label: string; hit: SourceHit }[],
): { connection: Connection; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const merged: Partial<Record<(typeof FIELDS)[number], unknown>> = {};
  const extra: Record<string, unknown> = {};
  for (let i = hits.length - 1; i >= 0; i--) {
    const { label, hit } = hits[i] as { label: string; hit: SourceHit };
    for (const f of FIELDS) {
      const v = hit.connection[f];
      // An empty string does not blank out a lower layer's value: an override such as
      // `aws://?region_name=x` parses with host "" and schema "", which mean "not given".
      if (v !== undefined && (v !== "" || merged[f] === undefined)) {
        merged[f] = v;
        fields[FIELD_NAMES[f]] = label;
      }
    }
    mergeInto(extra, hit.connection.extra ?? {}, label, "extra", fields);
  }
  const connection = createConnection({ ...(merged as Omit<Connection, "connId" | "extra">), connId, extra });
  const ordered: Record<string, string> = {};
  for (const k of Object.keys(fields).sort()) ordered[k] = fields[k] as string;
  return { connection, fields: ordered };
}
