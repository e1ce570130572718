import {
  ConfigError,
  ConnectionFormatError,
  InvalidConnIdError,
  isValidConnId,
  pythonStrip,
} from "@awsconn/core";
import { expect } from "vitest";
import type { AirflowStoredItem } from "./airflowBackendCases.js";
import type {
  AirflowFuzzCase,
  AirflowFuzzDeviation,
  AirflowFuzzOutcome,
} from "./describeAirflowBackendFuzz.js";

/** The reasons `conformance/deviations.json` gives for the `aws_backends_fuzz:<id>` cases, one per rule. */
export const AIRFLOW_FUZZ_REASONS = {
  sep: "awsconn refuses sep null (Airflow's sep=None) with a ConfigError; Airflow strips whitespace from the end of the prefix and joins it to the id with the text 'None' (airflow/connectionsNonex)",
  pattern:
    "awsconn checks lookupPattern when the source is built: a pattern Python's re rejects is a ConfigError even when a null prefix switches the lookups off; Airflow returns None before it compiles the pattern",
  words:
    "awsconn checks extra_conn_words when the source is built: a field outside Airflow's table is a ConfigError; Airflow raises KeyError only when it standardises a JSON secret, and reads URI secrets and 'not found' as usual",
  connId:
    "awsconn refuses a connection id outside Airflow's documented characters (a space, @, + or =) with InvalidConnIdError before any lookup; Airflow looks it up under that name (README deviation 1)",
  binary:
    "awsconn refuses the first binary-only secret (SecretBinary, no SecretString) among the names it reads, team-scoped or global, with a ConnectionFormatError, for connections and Variables; Airflow reads it as None and goes on to the next name or returns 'not found' (README deviation 5)",
  bom: "awsconn refuses a stored value that starts with a byte-order mark (U+FEFF, which Python's strip() keeps) with a ConnectionFormatError; Airflow reads it as a URI without a scheme: conn_type '', host '' and the rest of the value, password included, in schema.",
  fields:
    "awsconn refuses connection JSON whose login, password, host, schema or conn_type is not a string, whose port is outside 0-65535 or whose extra is not a JSON object, with a ConnectionFormatError; the Task SDK's Connection keeps the value as given (an extra text that is not JSON: {} after logging an error) (README deviations 2 and 11)",
  teamName:
    "awsconn reads team_name in connection JSON (unless another field is refused, a ConnectionFormatError); the Task SDK's Connection raises TypeError (README deviation 11)",
} as const;

// The one lookup pattern of the generator's pool that Python's re rejects ("missing ), unterminated subpattern").
const PYTHON_REJECTS = new Set(["(x"]);
const CONN_FIELDS = new Set(["login", "user", "password", "host", "port", "schema", "conn_type", "extra"]);
const TEXT_FIELDS = ["login", "password", "host", "schema", "conn_type"];

function refusedWith(type: new (...args: never[]) => Error): (o: AirflowFuzzOutcome) => void {
  return (o) => {
    expect("error" in o ? o.error : o, "awsconn's deliberate refusal").toBeInstanceOf(type);
    // Never a secret value in the message: the stored values of the fuzz cases hold these.
    expect(String((o as { error: unknown }).error)).not.toMatch(/p%40ss|p@ss|AKIA%2FX|é日本/);
  };
}

/** A rule whose answer is awsconn's refusal with `type`. */
const rule = (reason: keyof typeof AIRFLOW_FUZZ_REASONS, type: new (...args: never[]) => Error) => ({
  reason: AIRFLOW_FUZZ_REASONS[reason],
  check: refusedWith(type),
});

/** The rules awsconn applies before it reads a value: options, the id, a binary-only secret. */
function earlyRefusal(c: AirflowFuzzCase): AirflowFuzzDeviation | undefined {
  const own = c.kind === "connection" ? "connections" : "variables";
  if (c.backend === "secretsmanager" && c.kwargs.sep === null) return rule("sep", ConfigError);
  const pattern = c.kwargs[`${own}_lookup_pattern`];
  if (typeof pattern === "string" && PYTHON_REJECTS.has(pattern)) return rule("pattern", ConfigError);
  const words = c.kwargs.extra_conn_words as Record<string, unknown> | undefined;
  if (c.kind === "connection" && words && Object.keys(words).some((f) => !CONN_FIELDS.has(f)))
    return rule("words", ConfigError);
  if (c.kind === "connection" && !isValidConnId(c.key)) return rule("connId", InvalidConnIdError);
  if (itemRead(c)?.kind === "SecretBinary") return rule("binary", ConnectionFormatError);
  return undefined;
}

/** awsconn's answer to a JSON secret with `team_name`: the connection, or a refusal of another of its fields. */
function readOrRefusedAsFormat(o: AirflowFuzzOutcome): void {
  if ("error" in o) refusedWith(ConnectionFormatError)(o);
  else expect(o.value, "awsconn reads the connection").toBeTruthy();
}

/** The item awsconn reads for a case: the first name Airflow tried that holds a live (not deleted) item, with its last value. */
function itemRead(c: AirflowFuzzCase): AirflowStoredItem | undefined {
  for (const name of c.tried) {
    const items = c.stored.filter((i) => i.name === name);
    const first = items[0];
    if (!first || first.deleted) continue;
    return { ...first, value: (items.at(-1) as AirflowStoredItem).value };
  }
  return undefined;
}

function fieldsRefused(expected: Record<string, unknown>): boolean {
  if (TEXT_FIELDS.some((f) => expected[f] !== null && typeof expected[f] !== "string")) return true;
  const port = expected.port;
  if (typeof port === "number" && (port < 0 || port > 65535)) return true;
  const extra = expected.extra_dejson;
  return typeof extra !== "object" || extra === null || Array.isArray(extra);
}

/**
 * awsconn's deliberate answer for a case of `aws_backends_fuzz.json`, where it differs from
 * Airflow's (`undefined`: awsconn must answer as Airflow did). The rules are the README's listed
 * deviations, applied in awsconn's order: options checked when the source is built, the id, the
 * secret read, its value.
 *
 * @example
 * ```ts
 * airflowFuzzDeviationOf(c)?.reason; // AIRFLOW_FUZZ_REASONS.bom
 * ```
 */
export function airflowFuzzDeviationOf(c: AirflowFuzzCase): AirflowFuzzDeviation | undefined {
  const early = earlyRefusal(c);
  if (c.error) {
    // Where Airflow raised and awsconn refuses too, they agree; the one rule that reads a value
    // Airflow refuses: team_name in connection JSON.
    const teamName =
      !early &&
      c.error.type === "TypeError" &&
      /unexpected keyword argument 'team_name'/.test(c.error.message);
    return teamName ? { reason: AIRFLOW_FUZZ_REASONS.teamName, check: readOrRefusedAsFormat } : undefined;
  }
  if (early) return early;
  const item = itemRead(c);
  if (c.kind === "variable" || !item) return undefined;
  const expected = c.expected as Record<string, unknown> | null;
  // Only where Airflow read a connection: a stored value that the read does not reach is "not
  // found" on both sides (SSM's GetParameter reads `<prefix>/x:y` as label `y` of `<prefix>/x`).
  if (expected && pythonStrip(item.value).startsWith("\ufeff")) return rule("bom", ConnectionFormatError);
  // The Task SDK logs this when an extra text is not JSON, and reads it as {}.
  const extraNotJson = c.logs.some((m) => m.startsWith("Failed to deserialize extra"));
  if (expected && (fieldsRefused(expected) || extraNotJson)) return rule("fields", ConnectionFormatError);
  return undefined;
}
