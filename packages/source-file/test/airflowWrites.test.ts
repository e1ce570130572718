// Files written by awsconn (fromFile(...).put), read back by the real Airflow: vectors from
// conformance/generate_file_writes.py (load_connections_dict on every file awsconn wrote).
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConnectionFormatError, createConnection } from "@awsconn/core";
import { airflowFieldsOf } from "@awsconn/testkit/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromFile } from "../src/fromFile.js";
import type { AirflowFields } from "./AirflowFields.js";

const VECTORS = fileURLToPath(new URL("../../../conformance/vectors/file_writes.json", import.meta.url));

interface WriteVector {
  id: string;
  filename: string;
  existing: string | null;
  connection: { connId: string } & Record<string, unknown>;
  written: string | null;
  refused: string | null;
  airflow_before: Record<string, AirflowFields> | null;
  expected: Record<string, AirflowFields> | null;
}

const vectors: WriteVector[] = existsSync(VECTORS) ? JSON.parse(readFileSync(VECTORS, "utf8")).cases : [];

describe("files awsconn writes read back the same in Airflow (vectors from the real Airflow)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "awsconn-writes-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("has the generated vectors", () => {
    expect(existsSync(VECTORS), `${VECTORS} is missing: run npm run conformance:refresh`).toBe(true);
    expect(vectors.length).toBeGreaterThanOrEqual(200);
  });

  it.each(vectors.map((v) => [v.id, v] as const))("%s", async (id, v) => {
    const path = join(dir, id, v.filename);
    await rm(join(dir, id), { recursive: true, force: true });
    await mkdir(join(dir, id), { recursive: true });
    if (v.existing !== null) await writeFile(path, v.existing, { mode: 0o600 });
    const put = fromFile({ path, logger: { warn: () => {} } }).put(createConnection(v.connection as never));
    if (v.refused !== null) {
      // awsconn refused (a URI lowercases the host): nothing was written, as when the vector was made.
      await expect(put).rejects.toBeInstanceOf(ConnectionFormatError);
      expect(await readFile(path, "utf8").catch(() => null)).toBe(v.existing);
      return;
    }
    await put;
    // Still exactly the text Airflow read (else the writer changed: npm run conformance:refresh).
    expect(await readFile(path, "utf8")).toBe(v.written);
    const airflow = v.expected ?? {};
    const connId = v.connection.connId;
    const got = { ...(airflow[connId] as object) } as Record<string, unknown>;
    const want = airflowFieldsOf(createConnection(v.connection as never)) as Record<string, unknown>;
    // A URI (.env) cannot tell an absent host, login or schema from an empty one (setFileEntry).
    if (v.filename.endsWith(".env")) {
      for (const k of ["host", "login", "schema"]) for (const o of [got, want]) if (o[k] === "") o[k] = null;
    }
    expect(got).toEqual(want);
    for (const [other, before] of Object.entries(v.airflow_before ?? {})) {
      if (other !== connId) expect(airflow[other], `entry ${other}`).toEqual(before);
    }
  });
});
