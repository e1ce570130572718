import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceHit, VariableHit } from "@awsconn/core";
import { isAwsconnError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { type AirflowStoredItem, airflowFieldsOf } from "./airflowBackendCases.js";
import { airflowFuzzDeviationOf } from "./airflowFuzzRules.js";
import { findRepoRoot } from "./ensureVenv.js";
import { usePrivateMoto } from "./usePrivateMoto.js";

/** One case of `conformance/vectors/aws_backends_fuzz.json` (`generate_aws_backends_fuzz.py`). */
export interface AirflowFuzzCase {
  id: string;
  backend: string;
  kind: "connection" | "variable";
  kwargs: Record<string, unknown>;
  stored: AirflowStoredItem[];
  key: string;
  team: string | null;
  multi_team: boolean;
  /** The names Airflow's backend asked AWS for, in order. */
  tried: string[];
  expected: string | Record<string, unknown> | null;
  error: { type: string; message: string } | null;
  /** The WARNING+ messages Airflow logged while running the case. */
  logs: string[];
}

/** awsconn's outcome of a fuzz case: the Variable's value or the connection's fields (`null`: not found), or the error. */
export type AirflowFuzzOutcome = { value: unknown } | { error: unknown };

/** Where awsconn differs from a fuzz case on purpose: the listed reason and the check of awsconn's answer. */
export interface AirflowFuzzDeviation {
  reason: string;
  check: (outcome: AirflowFuzzOutcome) => void;
}

/** The source options of a case's kwargs, team and multi-team mode, as {@link describeAirflowBackendFuzz} maps them. */
export type AirflowFuzzInit = Record<string, unknown>;

/** What {@link describeAirflowBackendFuzz} needs of one backend. */
export interface AirflowFuzzOptions<Admin extends { destroy(): void }> {
  /** The `backend` of the cases to replay (`"secretsmanager"`, `"ssm"`). */
  backend: string;
  /** The suite fails when the vectors hold fewer of its cases than this. */
  minCases: number;
  /** The moto services of the private server. */
  services: string[];
  /** The SDK client that seeds the server and that the sources use. */
  admin: (endpoint: string) => Admin;
  /** Stores one item of a case as Airflow's generator stored it. */
  seed: (admin: Admin, item: AirflowStoredItem) => Promise<void>;
  /** The backend's kwargs awsconn maps, each to its option name (`connections_prefix` -> `prefix`). */
  kwargs: (kind: AirflowFuzzCase["kind"]) => Readonly<Record<string, string>>;
  /** The connection lookup of a case. */
  connection: (init: AirflowFuzzInit, admin: Admin, key: string) => Promise<SourceHit | undefined>;
  /** The Variable lookup of a case. */
  variable: (init: AirflowFuzzInit, admin: Admin, key: string) => Promise<VariableHit | undefined>;
}

const FILE = "aws_backends_fuzz";
// Kwargs Airflow 9.39 no longer reads itself: they reach the client's connection wrapper as extra
// keys, which it ignores (full_url_mode, are_secret_values_urlencoded), or belong to the other kind.
const IGNORED = ["full_url_mode", "are_secret_values_urlencoded"];

/**
 * The fuzz cases of one backend from `conformance/vectors/aws_backends_fuzz.json`.
 *
 * @example
 * ```ts
 * const cases = loadAirflowFuzzCases("ssm");
 * ```
 */
export function loadAirflowFuzzCases(backend: string): AirflowFuzzCase[] {
  const path = join(findRepoRoot(), "conformance", "vectors", `${FILE}.json`);
  const vectors = JSON.parse(readFileSync(path, "utf8")) as { cases: AirflowFuzzCase[] };
  return vectors.cases.filter((c) => c.backend === backend);
}

function initOf(c: AirflowFuzzCase, names: Readonly<Record<string, string>>): AirflowFuzzInit {
  const init: AirflowFuzzInit = { multiTeam: c.multi_team, ...(c.team ? { team: c.team } : {}) };
  const otherKind = c.kind === "connection" ? "variables_" : "connections_";
  for (const [key, value] of Object.entries(c.kwargs)) {
    const name = names[key];
    if (name) init[name] = value;
    else if (!IGNORED.includes(key) && !key.startsWith(otherKind) && key !== "extra_conn_words")
      throw new Error(`${FILE}: no mapping for the Airflow kwarg ${key} (${c.id})`);
  }
  return init;
}

/**
 * Replays the seeded random cases of one AWS backend (`aws_backends_fuzz.json`) against awsconn:
 * each case's items are stored in a private moto server (reset between cases), its kwargs become
 * the source's options, and the lookup must give Airflow's value or connection, its "not found", or
 * (where Airflow raised) an awsconn error. Where a rule of `airflowFuzzDeviationOf` gives awsconn's
 * own answer (a listed deviation), that is checked instead, and `conformance/deviations.json` must list exactly those cases (with the same
 * reason); `DUMP_DEVIATIONS=<dir>` writes the entries to `<dir>/aws_backends_fuzz.<backend>.json`.
 *
 * @example
 * ```ts
 * describeAirflowBackendFuzz({ backend: "ssm", minCases: 200, services: ["ssm"], ... });
 * ```
 */
export function describeAirflowBackendFuzz<Admin extends { destroy(): void }>(
  options: AirflowFuzzOptions<Admin>,
): void {
  const cases = loadAirflowFuzzCases(options.backend);
  const deviations = new Map<string, AirflowFuzzDeviation>();
  for (const c of cases) {
    const deviation = airflowFuzzDeviationOf(c);
    if (deviation) deviations.set(c.id, deviation);
  }
  const dump = process.env.DUMP_DEVIATIONS;
  if (dump) {
    const entries = [...deviations].map(([id, d]) => [`${FILE}:${id}`, d.reason]);
    writeFileSync(
      `${dump}/${FILE}.${options.backend}.json`,
      JSON.stringify(Object.fromEntries(entries), null, 2),
    );
  }

  async function ours(c: AirflowFuzzCase, admin: Admin): Promise<AirflowFuzzOutcome> {
    try {
      const init = initOf(c, options.kwargs(c.kind));
      if (c.kind === "variable")
        return { value: (await options.variable(init, admin, c.key))?.value ?? null };
      return {
        value: airflowFieldsOf((await options.connection(init, admin, c.key))?.connection) ?? null,
      };
    } catch (error) {
      return { error };
    }
  }

  describe(`Airflow ${options.backend} fuzz cases (${FILE}.json)`, () => {
    const server = usePrivateMoto(options.services, options.admin);
    it("has the vectors; conformance/deviations.json lists exactly the cases awsconn answers differently", () => {
      expect(cases.length).toBeGreaterThanOrEqual(options.minCases);
      const listed = JSON.parse(
        readFileSync(join(findRepoRoot(), "conformance", "deviations.json"), "utf8"),
      ) as Record<string, string>;
      for (const [id, deviation] of deviations) expect(listed[`${FILE}:${id}`], id).toBe(deviation.reason);
      const own = new Set(cases.map((c) => `${FILE}:${c.id}`));
      for (const key of Object.keys(listed).filter((k) => own.has(k)))
        expect(deviations.has(key.slice(FILE.length + 1)), key).toBe(true);
    });

    it.each(cases.map((c) => [c.id, c] as const))("%s", async (id, c) => {
      for (const item of c.stored) await options.seed(server.admin, item);
      const got = await ours(c, server.admin);
      const deviation = deviations.get(id);
      if (deviation) deviation.check(got);
      else if (c.error)
        expect(
          "error" in got && isAwsconnError(got.error),
          `expected an awsconn error like ${c.error.type}`,
        ).toBe(true);
      else if ("error" in got) throw got.error;
      else expect(got.value).toEqual(c.expected);
    });
  });
}
