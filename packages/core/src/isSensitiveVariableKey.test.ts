import { describe, expect, it } from "vitest";
import { isSensitiveVariableKey } from "./isSensitiveVariableKey.js";

// Answers recorded from Airflow 3.3.2's SecretsMasker.should_hide_value_for_key (default fields).
const AIRFLOW: [string, boolean][] = [
  ["region", false],
  ["Slack-Webhook-URL", true],
  ["my api key", true],
  ["API_KEY", true],
  ["apikey", true],
  ["db.password", true],
  ["  TOKEN  ", true],
  ["proxy_host", true],
  ["airflow_secret", true],
  ["access-key", true],
  ["accesskey", false],
  ["privatekey", false],
  ["private key", true],
  ["dsn_x", true],
  ["Pässword", false],
  ["mytokens", true],
  ["auth", false],
];

describe("isSensitiveVariableKey", () => {
  it.each(AIRFLOW)("%j -> %s, as Airflow's masker", (key, hidden) => {
    expect(isSensitiveVariableKey(key)).toBe(hidden);
  });
});
