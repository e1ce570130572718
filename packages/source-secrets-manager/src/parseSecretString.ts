import type { Connection, ConnectionParser } from "@awsconn/core";
import {
  ConnectionFormatError,
  parseConnectionJson,
  parseConnectionValue,
  parsePythonJson,
  pythonStrip,
} from "@awsconn/core";
import { standardizeSecretKeys } from "./standardizeSecretKeys.js";

// What json.loads allows around a JSON text: Python's strip() removes more (U+0085, U+00A0...).
const JSON_WHITESPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;

/**
 * Turns a secret's `SecretString` into a connection as Airflow's `SecretsManagerBackend` does:
 * when the value, stripped of Python's whitespace, starts with `{`, the value itself (not the
 * stripped one) is read as JSON by Python's `json.loads` rules and its keys are standardised
 * ({@link standardizeSecretKeys}) before Airflow's JSON rules apply; anything else is a URI or
 * JSON by `parseConnectionValue`. So JSON led or followed by whitespace that JSON itself does not
 * allow (U+0085, U+00A0, U+3000, `\v`...) is refused, as Airflow's `json.loads` refuses it.
 * Malformed data is a `ConnectionFormatError` naming `origin`, never quoting the value. `parser`
 * is Airflow's connection parser to follow (the Task SDK's when omitted).
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
  parser?: ConnectionParser,
): Connection {
  const options = parser === undefined ? undefined : { parser };
  if (pythonStrip(value) === "") throw new ConnectionFormatError("the secret value is empty", { origin });
  try {
    if (!pythonStrip(value).startsWith("{")) return parseConnectionValue(value, connId, options);
    const parsed = parseJsonSecret(value, origin);
    return parseConnectionJson(standardizeSecretKeys(parsed, extraConnWords), connId, options);
  } catch (error) {
    if (error instanceof ConnectionFormatError) {
      if (error.origin === origin) throw error;
      throw new ConnectionFormatError(error.reason, { origin, cause: error });
    }
    // Only our own errors are kept as the cause: a foreign parser error may quote the value.
    throw new ConnectionFormatError("not a valid connection URI or JSON", { origin });
  }
}

function parseJsonSecret(value: string, origin: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parsePythonJson(value).value;
  } catch (error) {
    if (!(error instanceof ConnectionFormatError)) throw error;
    const inner = value.replace(JSON_WHITESPACE, "");
    const hint =
      pythonStrip(inner) === inner
        ? ""
        : "; only spaces, tabs and line breaks may surround JSON, and this value has other whitespace " +
          "(such as U+0085 or U+00A0) at an end, which Airflow's json.loads refuses too";
    throw new ConnectionFormatError(
      `the secret value starts with '{' but is not valid JSON (${error.reason}, line ${error.line})${hint}`,
      { origin, cause: error },
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConnectionFormatError("the secret value is JSON but not an object", { origin });
  }
  return parsed as Record<string, unknown>;
}
