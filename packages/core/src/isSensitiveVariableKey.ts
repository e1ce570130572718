import { lazyPattern } from "./lazyPattern.js";
import { pythonStrip } from "./python/pythonStrip.js";

/**
 * The key words Airflow's secrets masker treats as sensitive (`DEFAULT_SENSITIVE_FIELDS` of
 * `airflow/_shared/secrets_masker`, Airflow 3.3): a Variable whose key contains one of them is masked.
 */
export const SENSITIVE_VARIABLE_WORDS: readonly string[] = [
  "access_key",
  "access_token",
  "api_key",
  "apikey",
  "auth_header",
  "authorization",
  "bearer",
  "connection_string",
  "dsn",
  "passphrase",
  "passwd",
  "password",
  "private_key",
  "proxy",
  "proxy_password",
  "proxies",
  "secret",
  "service_account",
  "service_key",
  "token",
  "keyfile_dict",
  "webhook_url",
];

// Python's \W+ (Unicode): a run of characters that are not letters, digits, marks or `_`.
const NON_WORD = lazyPattern(String.raw`[^\p{L}\p{N}\p{M}_]+`, "gu");

/**
 * True when Airflow's secrets masker hides the value of a Variable with this key
 * (`should_hide_value_for_key`): the key, stripped and lower-cased, with every run of non-word
 * characters made one `_`, contains one of {@link SENSITIVE_VARIABLE_WORDS}. Airflow's
 * `[core] sensitive_var_conn_names` additions are not read.
 *
 * @example
 * ```ts
 * isSensitiveVariableKey("Slack-Webhook-URL"); // true (slack_webhook_url)
 * isSensitiveVariableKey("region");            // false
 * ```
 */
export function isSensitiveVariableKey(key: string): boolean {
  const normalized = pythonStrip(key).toLowerCase().replace(NON_WORD(), "_");
  return SENSITIVE_VARIABLE_WORDS.some((word) => normalized.includes(word));
}
