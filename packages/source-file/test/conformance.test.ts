import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Connection, ConnectionFormatError, isValidConnId } from "@awsconn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromFile } from "../src/fromFile.js";
import { formatOfPath, loadConnections } from "../src/loadConnections.js";
import type { AirflowFields } from "./AirflowFields.js";

// Vectors made by running Airflow's load_connections_dict on each file (conformance/FORMAT.md):
// the hand-written cases and the seeded random ones (conformance/generate_local_filesystem_fuzz.py).
const vectorsPath = (name: string) =>
  fileURLToPath(new URL(`../../../conformance/vectors/${name}.json`, import.meta.url));

interface Vector {
  id: string;
  filename: string;
  content: string;
  expected: Record<string, AirflowFields> | null;
  error: { type: string; message: string; errors: { line: number; message: string }[] } | null;
  /** Connections under keys PyYAML reads as null, a number, a boolean (local_filesystem_yaml_fuzz): no string id finds them. */
  non_string_keys?: Record<string, AirflowFields>;
}

// Airflow's fields in awsconn's shape. Airflow keeps a numeric-string port as a string; awsconn
// gives it as a number (a documented deviation), so a numeric port is compared as a number.
function airflowToAwsconn(key: string, f: AirflowFields): Record<string, unknown> {
  const out: Record<string, unknown> = { connId: key, extra: f.extra_dejson ?? {} };
  const put = (name: string, v: unknown) => {
    if (v !== null && v !== undefined) out[name] = v;
  };
  put("connType", f.conn_type);
  put("host", f.host);
  put("login", f.login);
  put("password", f.password === "" ? null : f.password);
  put("schema", f.schema);
  put("port", typeof f.port === "string" && /^\s*[+-]?\d+\s*$/.test(f.port) ? Number(f.port) : f.port);
  put("description", f.description);
  return out;
}

function plain(c: Connection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = v;
  return out;
}

// Where awsconn reads a file differently on purpose (root README, "Deliberate deviations"), as rules
// over Airflow's answer: conformance/deviations.json lists exactly the cases they change, by reason.
const REASONS = {
  text: "a number or boolean given for a text field (conn_type, host, login, schema, description) becomes its text in awsconn (root README deviation 13); Airflow keeps the Python value",
  port: 'a port that is not an integer or a numeric string (a float, a boolean, a list, "x") is an error of its entry in awsconn (root README deviation 6); Airflow stores it as given',
  object:
    "a list or mapping given for a text field is an error of its entry in awsconn (root README deviation 2); Airflow stores it as given",
} as const;
const TEXT_FIELDS = ["conn_type", "host", "login", "schema", "description"] as const;

/** awsconn's reading of one of Airflow's connections: its fields, or the reason it refuses the entry. */
function awsconnReading(f: AirflowFields, reasons: Set<string>): AirflowFields | undefined {
  const out = { ...f } as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    const v = out[field];
    if (typeof v === "number" || typeof v === "boolean") {
      out[field] = String(v);
      reasons.add(REASONS.text);
    } else if (typeof v === "object" && v !== null) {
      reasons.add(REASONS.object);
      return undefined;
    }
  }
  const port = out.port;
  const integer = typeof port === "number" && Number.isInteger(port);
  const numeric = typeof port === "string" && /^\s*[+-]?\d+\s*$/.test(port);
  if (port !== null && port !== undefined && !integer && !numeric) {
    reasons.add(REASONS.port);
    return undefined;
  }
  return out as unknown as AirflowFields;
}

const deviationsListed = JSON.parse(
  readFileSync(new URL("../../../conformance/deviations.json", import.meta.url), "utf8"),
) as Record<string, string>;

function checkVectors(name: string, minCases: number) {
  const VECTORS = vectorsPath(name);
  const vectors: Vector[] = existsSync(VECTORS)
    ? (JSON.parse(readFileSync(VECTORS, "utf8")).cases as Vector[])
    : [];

  describe(`LocalFilesystemBackend conformance: ${name}.json (vectors from the real Airflow)`, () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "awsconn-conformance-"));
    });
    // After regenerating a file: DUMP_DEVIATIONS=<dir> writes <dir>/<name>.json, the entries that
    // conformance/deviations.json must then hold for it.
    const computed: Record<string, string> = {};
    afterAll(async () => {
      const dump = process.env.DUMP_DEVIATIONS;
      if (dump) await writeFile(join(dump, `${name}.json`), JSON.stringify(computed, null, 2));
      await rm(dir, { recursive: true, force: true });
    });

    it("has the generated vectors", () => {
      expect(existsSync(VECTORS), `${VECTORS} is missing: run npm run conformance:refresh`).toBe(true);
      expect(vectors.length).toBeGreaterThanOrEqual(minCases);
      const ids = new Set(vectors.map((v) => v.id));
      for (const key of Object.keys(deviationsListed))
        if (key.startsWith(`${name}:`)) expect(ids.has(key.slice(name.length + 1)), key).toBe(true);
    });

    // An entry whose reason starts "open, not deliberate" is a difference awsconn has not fixed yet:
    // the case must still fail (so the entry goes once it is fixed), and is not checked otherwise.
    it.each(vectors.map((v) => [v.id, v] as const))("%s", async (id, vector) => {
      const open = deviationsListed[`${name}:${id}`]?.startsWith("open, not deliberate");
      if (open) {
        await expect(
          checkCase(id, vector),
          "listed as open in conformance/deviations.json",
        ).rejects.toThrow();
        return;
      }
      await checkCase(id, vector);
    });

    async function checkCase(id: string, vector: Vector) {
      const caseDir = join(dir, id.replace(/[^\w.-]/g, "_"));
      await rm(caseDir, { recursive: true, force: true });
      await mkdir(caseDir, { recursive: true });
      const path = join(caseDir, vector.filename);
      await writeFile(path, vector.content, { mode: 0o600 });
      const source = fromFile({ path, logger: { warn: () => {} } });

      if (vector.error) {
        const error = await source.get("conformance_probe").then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, `Airflow: ${vector.error.type}: ${vector.error.message}`).toBeInstanceOf(
          ConnectionFormatError,
        );
        const airflowLine = vector.error.errors[0]?.line;
        if (airflowLine !== undefined && airflowLine > 0)
          expect((error as ConnectionFormatError).line).toBe(airflowLine);
        return;
      }

      const reasons = new Set<string>();
      const expected: Record<string, AirflowFields> = {};
      const refused: string[] = [];
      for (const [key, fields] of Object.entries(vector.expected ?? {})) {
        const ours = awsconnReading(fields, reasons);
        if (ours) expected[key] = ours;
        else refused.push(key);
      }
      // awsconn reads these too (their problems have no conn id) but gives them no id.
      let refusedNameless = 0;
      for (const fields of Object.values(vector.non_string_keys ?? {}))
        if (!awsconnReading(fields, reasons)) refusedNameless++;
      if (reasons.size > 0) computed[`${name}:${id}`] = [...reasons].join("; ");
      // (Not while the list is being rewritten: DUMP_DEVIATIONS.)
      if (!process.env.DUMP_DEVIATIONS)
        expect(deviationsListed[`${name}:${id}`], "conformance/deviations.json").toBe(
          reasons.size > 0 ? [...reasons].join("; ") : undefined,
        );
      const format = formatOfPath(path);
      expect(format).toBeDefined();
      // Every connection Airflow made, field for field: through get() for ids awsconn can look up,
      // through the same loader for keys that are not valid ids (Airflow keeps them, get() refuses them).
      const { entries: all, problems } = loadConnections(vector.content, format!);
      if (refused.length + refusedNameless > 0) {
        // The entries awsconn refuses on purpose, and only those; a reader that fails closed stops there.
        expect(
          problems
            .filter((p) => p.connId !== undefined)
            .map((p) => p.connId)
            .sort(),
        ).toEqual(refused.sort());
        expect(problems.filter((p) => p.connId === undefined)).toHaveLength(refusedNameless);
        expect([...all.keys()].sort()).toEqual(Object.keys(expected).sort());
        for (const [key, fields] of Object.entries(expected))
          expect(plain(all.get(key)!.connection)).toEqual(airflowToAwsconn(key, fields));
        await expect(source.get("conformance_probe")).rejects.toBeInstanceOf(ConnectionFormatError);
        return;
      }
      expect(problems, "unexpected problems").toEqual([]);
      expect([...all.keys()].sort()).toEqual(Object.keys(expected).sort());
      for (const [key, fields] of Object.entries(expected)) {
        const connection = isValidConnId(key)
          ? (await source.get(key))?.connection
          : all.get(key)?.connection;
        expect(connection, `connection ${JSON.stringify(key)}`).toBeDefined();
        expect(plain(connection as Connection)).toEqual(airflowToAwsconn(key, fields));
      }
      const listed: string[] = [];
      for await (const listedId of source.list()) listed.push(listedId);
      expect(listed.sort()).toEqual(Object.keys(expected).filter(isValidConnId).sort());
    }
  });
}

checkVectors("local_filesystem", 40);
checkVectors("local_filesystem_fuzz", 900);
checkVectors("local_filesystem_yaml_fuzz", 700);
checkVectors("local_filesystem_yaml_fuzz_2", 700);
