import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectionFormatError } from "@awsconn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromVariablesFile } from "../src/fromVariablesFile.js";
import { formatOfPath } from "../src/loadConnections.js";
import { loadVariables } from "../src/loadVariables.js";

// Seeded random Variables files read by Airflow 3.3.2's load_variables
// (conformance/generate_variables_fuzz.py): every entry Airflow returned, with its Python types.
interface Entry {
  key: string;
  key_type: string;
  value: unknown;
  value_type: string;
}
interface Vector {
  id: string;
  filename: string;
  content: string;
  variables: Entry[] | null;
  error: { type: string; message: string; errors: { line: number | null; message: string }[] } | null;
}

const root = new URL("../../../conformance/", import.meta.url);
const vectors = JSON.parse(readFileSync(new URL("vectors/variables_fuzz.json", root), "utf8")) as {
  airflow_version: string;
  cases: Vector[];
};
const listed = JSON.parse(readFileSync(new URL("deviations.json", root), "utf8")) as Record<string, string>;
const FILE = "variables_fuzz";

// Where awsconn reads a Variables file differently on purpose, as rules over Airflow's answer:
// conformance/deviations.json lists exactly the cases they change, by reason.
const REASONS = {
  nonString:
    "a value that is not a string (number, boolean, list, mapping, date) is a ConnectionFormatError at its line, which fails every lookup in the file (root README deviation 12), while Airflow hands the task the Python object",
} as const;

/** What awsconn must make of Airflow's entries: the string Variables, the keys it refuses, and why. */
function awsconnReading(entries: Entry[], reasons: Set<string>) {
  const values = new Map<string, string>();
  const refused: string[] = [];
  for (const e of entries) {
    // A key Python holds as a number, boolean or None: get_variable(<str>) never finds it.
    if (e.key_type !== "str" || e.value_type === "NoneType") continue;
    if (e.value_type === "str") values.set(e.key, e.value as string);
    else {
      refused.push(e.key);
      reasons.add(REASONS.nonString);
    }
  }
  return { values, refused };
}

describe(`Airflow ${vectors.airflow_version} load_variables conformance: ${FILE}.json`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "awsconn-variables-fuzz-"));
  });
  // After regenerating: DUMP_DEVIATIONS=<dir> writes <dir>/variables_fuzz.json, the entries
  // conformance/deviations.json must then hold for this file.
  const computed: Record<string, string> = {};
  afterAll(async () => {
    const dump = process.env.DUMP_DEVIATIONS;
    if (dump) await writeFile(join(dump, `${FILE}.json`), JSON.stringify(computed, null, 2));
    await rm(dir, { recursive: true, force: true });
  });

  it("has the generated vectors, and every listed deviation names one of them", () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(900);
    const ids = new Set(vectors.cases.map((v) => `${FILE}:${v.id}`));
    for (const key of Object.keys(listed)) if (key.startsWith(`${FILE}:`)) expect(ids).toContain(key);
  });

  it.each(vectors.cases.map((v) => [v.id, v] as const))("%s", async (id, vector) => {
    const caseDir = join(dir, id);
    await mkdir(caseDir, { recursive: true });
    const path = join(caseDir, vector.filename);
    await writeFile(path, vector.content, { mode: 0o600 });
    const source = fromVariablesFile({ path });
    const probe = () => source.getVariable("conformance_probe");

    const reasons = new Set<string>();
    const { values, refused } = awsconnReading(vector.variables ?? [], reasons);
    if (reasons.size > 0) computed[`${FILE}:${id}`] = [...reasons].join("; ");
    if (!process.env.DUMP_DEVIATIONS)
      expect(listed[`${FILE}:${id}`], "conformance/deviations.json").toBe(
        reasons.size > 0 ? [...reasons].join("; ") : undefined,
      );

    if (vector.error) {
      const error = await probe().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `Airflow: ${vector.error.type}: ${vector.error.message}`).toBeInstanceOf(
        ConnectionFormatError,
      );
      const line = vector.error.errors[0]?.line;
      if (line === undefined || line === null || line <= 0) return;
      const ours = (error as ConnectionFormatError).line;
      expect(ours).toBe(line);
      return;
    }

    // Every string Variable, by the same loader (a file with refused values fails closed).
    const format = formatOfPath(path);
    expect(format).toBeDefined();
    const loaded = loadVariables(vector.content, format!);
    const ours = new Map([...loaded.entries].map(([k, e]) => [k, e.value]));
    const problemKeys = loaded.problems.map((p) => p.connId);
    expect(ours).toEqual(values);
    expect(problemKeys.sort()).toEqual(refused.sort());
    if (refused.length > 0) {
      await expect(probe()).rejects.toBeInstanceOf(ConnectionFormatError);
      return;
    }
    for (const [key, value] of values) expect((await source.getVariable(key))?.value).toBe(value);
    expect(await probe()).toBeUndefined();
    const keys: string[] = [];
    for await (const key of source.listVariables?.() ?? []) keys.push(key);
    expect(keys).toEqual([...values.keys()]);
  });
});
