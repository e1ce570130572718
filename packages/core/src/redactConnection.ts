import type { Connection } from "./Connection.js";

/** What a redacted value prints as. */
export const REDACTED = "***";

// Substrings of key names whose values are secret (case-insensitive); Airflow's sensitive-field list plus AWS names.
const SECRET_KEY_PARTS = [
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "private_key",
  "privatekey",
  "api_key",
  "apikey",
  "authorization",
  "credential",
  "keyfile_dict",
  "service_account",
  "access_key_secret",
];

/**
 * True when an extra key's value should never be shown (`aws_secret_access_key`, `aws_session_token`,
 * `password`, `token`, `private_key`, ...).
 *
 * @example
 * ```ts
 * isSecretKey("aws_session_token"); // true
 * isSecretKey("region_name");       // false
 * ```
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  return SECRET_KEY_PARTS.some((part) => k.includes(part));
}

function redactValue(value: unknown, depth: number): unknown {
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] =
      isSecretKey(k) && v !== null && v !== undefined && v !== "" ? REDACTED : redactValue(v, depth + 1);
  }
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
  return redactValue(extra, 0) as Record<string, unknown>;
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
