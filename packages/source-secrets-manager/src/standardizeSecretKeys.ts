/**
 * Airflow's alias table of `SecretsManagerBackend._standardize_secret_keys`: the secret's JSON keys
 * that are read as each connection field.
 */
export const CONN_FIELD_WORDS: Readonly<Record<string, readonly string[]>> = {
  login: ["login", "user", "username", "user_name"],
  password: ["password", "pass", "key"],
  host: ["host", "remote_host", "server"],
  port: ["port"],
  schema: ["database", "schema"],
  conn_type: ["conn_type", "conn_id", "connection_type", "engine"],
  extra: ["extra"],
};

/**
 * Renames a JSON secret's keys to Airflow's connection fields exactly as Airflow's
 * `SecretsManagerBackend` does: for each field, the value of the first key of the secret (in the
 * secret's own key order) that is one of the field's words (Airflow's table plus `extraConnWords`;
 * `user` is taken as `login`). Every other key is dropped, `description` included. Fields without
 * a matching key are absent.
 *
 * @example
 * ```ts
 * standardizeSecretKeys({ user: "u", pass: "p", server: "h", database: "d", engine: "postgres" });
 * // { login: "u", password: "p", host: "h", schema: "d", conn_type: "postgres" }
 * ```
 */
export function standardizeSecretKeys(
  secret: Readonly<Record<string, unknown>>,
  extraConnWords: Readonly<Record<string, readonly string[]>> = {},
): Record<string, unknown> {
  const words = new Map<string, string[]>(Object.entries(CONN_FIELD_WORDS).map(([k, v]) => [k, [...v]]));
  for (const [field, extra] of Object.entries(extraConnWords)) {
    const name = field === "user" ? "login" : field;
    const list = words.get(name);
    // Airflow raises KeyError for an unknown field; the caller validates the option up front.
    if (list) list.push(...extra);
  }
  const out: Record<string, unknown> = {};
  for (const [field, possible] of words) {
    const key = Object.keys(secret).find((k) => possible.includes(k));
    const value = key === undefined ? undefined : secret[key];
    if (value !== undefined && value !== null) out[field] = value;
  }
  return out;
}

/** The field names `extraConnWords` may extend (Airflow's table keys, plus `user` for `login`). */
export const EXTRA_CONN_WORD_FIELDS: readonly string[] = [...Object.keys(CONN_FIELD_WORDS), "user"];
