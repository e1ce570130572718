import type { Connection } from "@awsconn/core";
import { ConnectionFormatError, connectionToJson, pythonStrip } from "@awsconn/core";
import { parseSecretString } from "./parseSecretString.js";
import { CONN_FIELD_WORDS } from "./standardizeSecretKeys.js";

/** What a secret held before a write: its `SecretString`, or that it had only `SecretBinary`. */
export type ExistingSecret = { secretString: string } | { binaryOnly: true } | undefined;

/**
 * The `SecretString` that `put` writes: Airflow's connection JSON, merged into the secret that is
 * already there so that keys the connection does not own stay (rotation metadata such as
 * `masterarn`, a rotation Lambda's own fields). Each connection field is written under every key the
 * existing secret already spells it with (`username`, `engine`... from Airflow's alias table plus
 * `extraConnWords`), so Airflow, awsconn and a rotation Lambda keep reading the same key; a field the
 * connection lacks is removed under all its spellings. A URI secret is replaced whole (it holds
 * nothing else). A secret that is not a connection (binary only, JSON that is not an object or has
 * none of the connection keys, a value that does not parse) is refused with a
 * `ConnectionFormatError`: nothing is written. Messages never quote the secret.
 *
 * @example
 * ```ts
 * mergeConnectionSecret({ secretString: '{"username":"old","masterarn":"arn:..."}' }, connection, {}, origin);
 * // '{"username":"etl","masterarn":"arn:...","conn_type":"postgres",...}'
 * ```
 */
export function mergeConnectionSecret(
  existing: ExistingSecret,
  connection: Connection,
  extraConnWords: Readonly<Record<string, readonly string[]>>,
  origin: string,
): string {
  const fields = connectionToJson(connection) as Record<string, unknown>;
  if (!existing) return JSON.stringify(fields);
  const refuse = (why: string) =>
    new ConnectionFormatError(
      `the existing secret is not a connection (${why}); awsconn will not overwrite it: delete it or use another prefix`,
      { origin },
    );
  if (!("secretString" in existing)) throw refuse("it has only SecretBinary");
  const text = pythonStrip(existing.secretString);
  let current: Record<string, unknown> | undefined;
  if (text.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
        current = parsed as Record<string, unknown>;
    } catch {
      // refused below
    }
    if (!current) throw refuse("it is not a JSON object");
  } else {
    // A URI names its type (`postgres://...`); anything else Airflow would only read as garbage.
    let connType: string | undefined;
    try {
      connType = parseSecretString(existing.secretString, connection.connId, origin, extraConnWords).connType;
    } catch {
      // refused below
    }
    if (!connType) throw refuse("it is neither a connection URI nor connection JSON");
    return JSON.stringify(fields);
  }
  const words = new Map<string, string[]>(Object.entries(CONN_FIELD_WORDS).map(([k, v]) => [k, [...v]]));
  for (const [field, extra] of Object.entries(extraConnWords))
    words.get(field === "user" ? "login" : field)?.push(...extra);
  words.set("description", ["description"]);
  const keys = Object.keys(current);
  if (!keys.some((k) => [...words.values()].some((w) => w.includes(k))))
    throw refuse("it has none of the connection keys");
  const merged: Record<string, unknown> = { ...current };
  for (const [field, spellings] of words) {
    const present = keys.filter((k) => spellings.includes(k));
    const value = fields[field];
    for (const key of present.length > 0 ? present : [field]) {
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
  }
  return JSON.stringify(merged);
}
