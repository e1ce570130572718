import type { Connection } from "./Connection.js";

/** What a redacted value prints as. */
export const REDACTED = "***";

// Parts of key names whose values are secret, matched case-insensitively and ignoring `_`, `-`, `.` and
// spaces (so `apiKey`, `api_key` and `API-KEY` are one name): Airflow's sensitive-field list, the AWS
// names, and the usual spellings of passwords, tokens, sessions' cookies and connection strings.
const SECRET_KEY_PARTS = [
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "secret",
  "token",
  "privatekey",
  "apikey",
  "auth", // authorization, oauth, auth, basic_auth...
  "credential",
  "keyfiledict",
  "serviceaccount",
  "connectionstring",
  "connstring",
  "connstr",
  "dsn",
  "cookie",
  "jwt",
  "bearer",
  "keytab",
  "signature",
];

/**
 * True when an extra key's value should never be shown: the name contains one of `password`,
 * `passwd`, `passphrase`, `pwd`, `secret`, `token`, `private_key`, `api_key`, `auth` (so
 * `authorization`, `oauth`), `credential`, `keyfile_dict`, `service_account`, `connection_string`,
 * `conn_str`, `dsn`, `cookie`, `jwt`, `bearer`, `keytab`, `signature`, or it ends in `key`
 * (`key`, `ssh_key`, `signing_key`); case-insensitive, ignoring `_`, `-`, `.` and spaces.
 *
 * @example
 * ```ts
 * isSecretKey("aws_session_token"); // true
 * isSecretKey("connectionString");  // true
 * isSecretKey("region_name");       // false
 * ```
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_. ]/g, "");
  return k.endsWith("key") || SECRET_KEY_PARTS.some((part) => k.includes(part));
}

// Deeper than this, a whole subtree prints as one marker: nothing below it can show.
const MAX_SHOWN_DEPTH = 64;

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_SHOWN_DEPTH) return `${REDACTED} (nested deeper than ${MAX_SHOWN_DEPTH} levels)`;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => redactValue(v, depth + 1, seen));
  else {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      copy[k] =
        isSecretKey(k) && v !== null && v !== undefined && v !== ""
          ? REDACTED
          : redactValue(v, depth + 1, seen);
    }
    out = copy;
  }
  seen.delete(value);
  return out;
}

/**
 * Returns a copy of the extra object with every secret-looking value (at any depth) replaced by `***`.
 *
 * @example
 * ```ts
 * redactExtra({ region_name: "eu-west-1", aws_session_token: "x" }); // { region_name: "eu-west-1", aws_session_token: "***" }
 * ```
 */
export function redactExtra(extra: Record<string, unknown>): Record<string, unknown> {
  return redactValue(extra, 0, new WeakSet()) as Record<string, unknown>;
}

/**
 * Returns a plain copy of the connection that is safe to print: `password` and secret-looking
 * extras are `***`.
 *
 * @example
 * ```ts
 * redactConnection({ connId: "x", password: "p", extra: { token: "t" } });
 * // { connId: "x", password: "***", extra: { token: "***" } }
 * ```
 */
export function redactConnection(connection: Connection): Connection {
  const out: Connection = { ...connection, extra: redactExtra(connection.extra ?? {}) };
  if (connection.password !== undefined) out.password = REDACTED;
  return out;
}
