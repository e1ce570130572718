import { pythonStrip } from "@awsconn/aws-source-common";
import type { Connection } from "@awsconn/core";
import { ConnectionFormatError, parseConnectionJson, parseConnectionValue } from "@awsconn/core";
import { standardizeSecretKeys } from "./standardizeSecretKeys.js";

/**
 * Turns a secret's `SecretString` into a connection as Airflow's `SecretsManagerBackend` does:
 * after stripping whitespace, a value starting with `{` is JSON whose keys are standardised
 * ({@link standardizeSecretKeys}) before Airflow's JSON rules apply; anything else is a URI.
 * Malformed data is a `ConnectionFormatError` naming `origin`, never quoting the value.
 *
 * @example
 * ```ts
 * parseSecretString('{"user":"u","pass":"p","engine":"postgres"}', "db", "secretsmanager:airflow/connections/db", {});
 * ```
 */
export function parseSecretString(
  value: string,
  connId: string,
  origin: string,
  extraConnWords: Readonly<Record<string, readonly string[]>>,
): Connection {
  const text = pythonStrip(value);
  if (text === "") throw new ConnectionFormatError("the secret value is empty", { origin });
  try {
    if (!text.startsWith("{")) return parseConnectionValue(text, connId);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the text: say only what is wrong.
      throw new ConnectionFormatError("the secret value starts with '{' but is not valid JSON", { origin });
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new ConnectionFormatError("the secret value is JSON but not an object", { origin });
    }
    return parseConnectionJson(
      standardizeSecretKeys(parsed as Record<string, unknown>, extraConnWords),
      connId,
    );
  } catch (error) {
    if (error instanceof ConnectionFormatError) {
      if (error.origin === origin) throw error;
      throw new ConnectionFormatError(error.reason, { origin, cause: error });
    }
    // Only our own errors are kept as the cause: a foreign parser error may quote the value.
    throw new ConnectionFormatError("not a valid connection URI or JSON", { origin });
  }
}
