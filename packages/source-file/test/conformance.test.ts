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

// Vectors made by running Airflow's load_connections_dict on each file (conformance/FORMAT.md).
const VECTORS = fileURLToPath(new URL("../../../conformance/vectors/local_filesystem.json", import.meta.url));

interface Vector {
  id: string;
  filename: string;
  content: string;
  expected: Record<string, AirflowFields> | null;
  error: { type: string; message: string; errors: { line: number; message: string }[] } | null;
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

const vectors: Vector[] = existsSync(VECTORS)
  ? (JSON.parse(readFileSync(VECTORS, "utf8")).cases as Vector[])
  : [];

describe("LocalFilesystemBackend conformance (vectors from the real Airflow)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "awsconn-conformance-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("has the generated vectors", () => {
    expect(existsSync(VECTORS), `${VECTORS} is missing: run npm run conformance:refresh`).toBe(true);
    expect(vectors.length).toBeGreaterThanOrEqual(40);
  });

  it.each(vectors.map((v) => [v.id, v] as const))("%s", async (id, vector) => {
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

    const expected = vector.expected ?? {};
    const format = formatOfPath(path);
    expect(format).toBeDefined();
    // Every connection Airflow made, field for field: through get() for ids awsconn can look up,
    // through the same loader for keys that are not valid ids (Airflow keeps them, get() refuses them).
    const { entries: all, problems } = loadConnections(vector.content, format!);
    expect(problems, "unexpected problems").toEqual([]);
    expect([...all.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [key, fields] of Object.entries(expected)) {
      const connection = isValidConnId(key) ? (await source.get(key))?.connection : all.get(key)?.connection;
      expect(connection, `connection ${JSON.stringify(key)}`).toBeDefined();
      expect(plain(connection as Connection)).toEqual(airflowToAwsconn(key, fields));
    }
    const listed: string[] = [];
    for await (const listedId of source.list()) listed.push(listedId);
    expect(listed.sort()).toEqual(Object.keys(expected).filter(isValidConnId).sort());
  });
});
