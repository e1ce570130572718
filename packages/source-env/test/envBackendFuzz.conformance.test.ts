// Seeded random environments read by Airflow 3.3.2's EnvironmentVariablesBackend
// (conformance/generate_env_backend_fuzz.py): get_conn_value / get_connection and get_variable with
// [core] multi_team on or off and a team or none. Each case is replayed through fromEnv /
// fromEnvVariables with the same variables and team; deliberate differences are rules over Airflow's
// answer, and conformance/deviations.json lists exactly the cases they change
// ("env_backend_fuzz:<id>"; after a refresh, DUMP_DEVIATIONS=<dir> writes the list).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ConnectionFormatError,
  InvalidConnIdError,
  isAwsconnError,
  isValidConnId,
  pythonStrip,
} from "@awsconn/core";
import { airflowFieldsOf } from "@awsconn/testkit/contract";
import { afterAll, describe, expect, it } from "vitest";
import { fromEnv } from "../src/fromEnv.js";
import { fromEnvVariables } from "../src/fromEnvVariables.js";

interface Case {
  id: string;
  kind: "connection" | "variable";
  env: Record<string, string>;
  key: string;
  team: string | null;
  multi_team: boolean;
  value: string | null;
  expected?: Record<string, unknown> | null;
  error?: { type: string; message: string } | null;
}

const FILE = "env_backend_fuzz";
const root = new URL("../../../conformance/", import.meta.url);
const cases = (JSON.parse(readFileSync(new URL(`vectors/${FILE}.json`, root), "utf8")) as { cases: Case[] })
  .cases;
const listed = JSON.parse(readFileSync(new URL("deviations.json", root), "utf8")) as Record<string, string>;

const REASONS = {
  connId:
    "awsconn refuses a connection id outside Airflow's pattern (or empty) with InvalidConnIdError before any lookup (root README deviation 1), while Airflow reads the variable",
  bom: "awsconn refuses a stored value that starts with a byte-order mark (U+FEFF, which Python's strip() keeps) with a ConnectionFormatError (root README deviation 9), while Airflow reads it as a URI without a scheme",
} as const;

/** The deliberate differences one case shows, by rule over Airflow's answer. */
function reasonsOf(c: Case): string[] {
  if (c.kind !== "connection") return [];
  if (!isValidConnId(c.key)) return [REASONS.connId];
  if (c.value && pythonStrip(c.value).startsWith("\ufeff")) return [REASONS.bom];
  return [];
}

async function outcome<T>(lookup: () => Promise<T>): Promise<{ hit?: T; error?: unknown }> {
  try {
    return { hit: await lookup() };
  } catch (error) {
    return { error };
  }
}

describe(`Airflow EnvironmentVariablesBackend conformance: ${FILE}.json`, () => {
  const computed: Record<string, string> = {};
  afterAll(() => {
    const dump = process.env.DUMP_DEVIATIONS;
    if (dump) writeFileSync(join(dump, `${FILE}.json`), JSON.stringify(computed, null, 2));
  });

  it("has the generated vectors, and every listed deviation names one of them", () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const ids = new Set(cases.map((c) => `${FILE}:${c.id}`));
    for (const key of Object.keys(listed)) if (key.startsWith(`${FILE}:`)) expect(ids).toContain(key);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", async (id, c) => {
    const reasons = reasonsOf(c);
    if (reasons.length > 0) computed[`${FILE}:${id}`] = reasons.join("; ");
    if (!process.env.DUMP_DEVIATIONS)
      expect(listed[`${FILE}:${id}`], "conformance/deviations.json").toBe(
        reasons.length > 0 ? reasons.join("; ") : undefined,
      );
    const init = { env: c.env, multiTeam: c.multi_team, ...(c.team === null ? {} : { team: c.team }) };

    if (c.kind === "variable") {
      const got = await fromEnvVariables(init).getVariable(c.key);
      expect(got?.value ?? null).toBe(c.value);
      if (got) expect(c.env[got.origin.replace(/^env:/, "")]).toBe(c.value);
      return;
    }
    const got = await outcome(() => fromEnv(init).get(c.key));
    if (reasons.includes(REASONS.connId)) {
      expect(got.error).toBeInstanceOf(InvalidConnIdError);
    } else if (reasons.includes(REASONS.bom)) {
      expect(got.error).toBeInstanceOf(ConnectionFormatError);
      expect(String(got.error)).toMatch(/byte-order mark \(U\+FEFF\)/);
    } else if (c.error) {
      expect(isAwsconnError(got.error), `Airflow: ${c.error.type}: ${c.error.message}`).toBe(true);
    } else {
      expect(got.error).toBeUndefined();
      expect(airflowFieldsOf(got.hit?.connection) ?? null).toEqual(c.expected);
      // and from the variable Airflow read (the team's or the global one)
      if (got.hit) expect(c.env[got.hit.origin.replace(/^env:/, "")]).toBe(c.value);
    }
  });
});
