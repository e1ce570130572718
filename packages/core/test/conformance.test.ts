// Runs every Airflow-generated vector in conformance/vectors/{uri,json}.json through the TypeScript
// codec. Each vector is its own test; any difference from Airflow (fields, the exact get_uri()
// string, error versus no error) fails. Deliberate deviations are listed, with their reason, in
// conformance/deviations.json (keyed "uri:<id>" / "json:<id>"); for those the test asserts awsconn's documented behaviour instead
// (it refuses the input with an awsconn error that does not leak the password).
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import {
  type Connection,
  ConnectionFormatError,
  connectionToUri,
  InvalidConnIdError,
  parseConnectionJson,
  parseConnectionUri,
} from "../src/index.js";
import { pyJsonLoads } from "../src/python/pythonJson.js";
import { pyToPlain } from "../src/python/pythonJsonDumps.js";

interface Fields {
  conn_id: string | null;
  conn_type: string | null;
  host: string | null;
  login: string | null;
  password: string | null;
  schema: string | null;
  port: number | null;
  extra_dejson: Record<string, unknown>;
  description: string | null;
}

interface Vector {
  id: string;
  conn_id: string | null;
  uri?: string;
  text?: string;
  expected: Fields | null;
  get_uri: string | null;
  get_uri_error?: { type: string; message: string } | null;
  error: { type: string; message: string } | null;
}

const ROOT = new URL("../../../conformance/", import.meta.url);

// The vector files are written by Python's json.dump, which may contain NaN / Infinity: read them
// with the codec's Python-compatible JSON reader.
function load<T>(name: string): T {
  return pyToPlain(pyJsonLoads(readFileSync(new URL(name, ROOT), "utf8"))) as T;
}

const uriCases = load<{ cases: Vector[] }>("vectors/uri.json").cases;
const jsonCases = load<{ cases: Vector[] }>("vectors/json.json").cases;
// The same corpus through the Task SDK's parser (conformance/generate_task_connection.py).
const uriTaskCases = load<{ cases: Vector[] }>("vectors/uri_task.json").cases;
const jsonTaskCases = load<{ cases: Vector[] }>("vectors/json_task.json").cases;
// Seeded random inputs combining several awkward parts at once (conformance/generate_connection_fuzz.py),
// through the server's parser and the Task SDK's.
const fuzzFiles = ["uri_fuzz", "uri_fuzz_task", "json_fuzz", "json_fuzz_task"] as const;
const fuzzCases = Object.fromEntries(
  fuzzFiles.map((f) => [f, load<{ cases: Vector[] }>(`vectors/${f}.json`).cases]),
) as Record<(typeof fuzzFiles)[number], Vector[]>;
const deviations = load<Record<string, string>>("deviations.json");
const ran = {
  uri: 0,
  json: 0,
  uri_task: 0,
  json_task: 0,
  uri_fuzz: 0,
  uri_fuzz_task: 0,
  json_fuzz: 0,
  json_fuzz_task: 0,
  deviations: 0,
};
type VectorFile = "uri" | "json" | "uri_task" | "json_task" | (typeof fuzzFiles)[number];

function fieldsOf(c: Connection): Fields {
  return {
    conn_id: c.connId === "" ? null : c.connId,
    conn_type: c.connType ?? null,
    host: c.host ?? null,
    login: c.login ?? null,
    password: c.password ?? null,
    schema: c.schema ?? null,
    port: c.port ?? null,
    extra_dejson: c.extra,
    description: c.description ?? null,
  };
}

function attempt(parse: () => Connection): { connection?: Connection; error?: unknown } {
  try {
    return { connection: parse() };
  } catch (error) {
    return { error };
  }
}

function check(file: VectorFile, v: Vector): void {
  const uri = file.startsWith("uri");
  const parser = file.endsWith("_task") ? "task" : "server";
  const input = uri ? (v.uri as string) : (v.text as string);
  const connId = v.conn_id ?? undefined;
  const { connection, error } = attempt(() =>
    uri ? parseConnectionUri(input, connId, { parser }) : parseConnectionJson(input, connId, { parser }),
  );
  ran[file]++;
  const deviation = deviations[`${file}:${v.id}`];
  if (deviation !== undefined) {
    ran.deviations++;
    if (v.error) {
      // Documented behaviour: awsconn accepts what this Airflow parser refuses.
      expect(error, `${v.id}: listed as accepted, but awsconn refuses it too`).toBeUndefined();
      return;
    }
    // Documented behaviour: awsconn refuses what Airflow accepts, with a safe message.
    expect(connection).toBeUndefined();
    expect(error instanceof ConnectionFormatError || error instanceof InvalidConnIdError).toBe(true);
    const password = v.expected?.password;
    if (password && password.length >= 3) expect(String((error as Error).message)).not.toContain(password);
    return;
  }
  if (v.error) {
    expect(connection, `Airflow raised ${v.error.type}: ${v.error.message}`).toBeUndefined();
    expect(error).toBeInstanceOf(ConnectionFormatError);
    if (input.length >= 16) expect((error as Error).message).not.toContain(input);
    return;
  }
  if (error) throw error;
  expect(fieldsOf(connection as Connection)).toEqual(v.expected);
  if (v.get_uri !== null) expect(connectionToUri(connection as Connection)).toBe(v.get_uri);
  if (v.get_uri_error) expect(() => connectionToUri(connection as Connection)).toThrow(ConnectionFormatError);
}

describe("Airflow conformance: Connection(uri=...) and get_uri()", () => {
  test.each(uriCases.map((v) => [v.id, v] as const))("%s", (_id, v) => check("uri", v));
});

describe("Airflow conformance: Connection.from_json() and get_uri()", () => {
  test.each(jsonCases.map((v) => [v.id, v] as const))("%s", (_id, v) => check("json", v));
});

describe("Airflow conformance, Task SDK parser: Connection(uri=...) and get_uri()", () => {
  test.each(uriTaskCases.map((v) => [v.id, v] as const))("%s", (_id, v) => check("uri_task", v));
});

describe("Airflow conformance, Task SDK parser: Connection.from_json() and get_uri()", () => {
  test.each(jsonTaskCases.map((v) => [v.id, v] as const))("%s", (_id, v) => check("json_task", v));
});

for (const file of fuzzFiles) {
  const label = file.endsWith("_task") ? "Task SDK parser" : "server parser";
  const what = file.startsWith("uri") ? "Connection(uri=...)" : "Connection.from_json()";
  describe(`Airflow conformance, seeded random inputs, ${label}: ${what} and get_uri()`, () => {
    test.each(fuzzCases[file].map((v) => [v.id, v] as const))("%s", (_id, v) => check(file, v));
  });
}

describe("conformance bookkeeping", () => {
  test("every deviation names an existing vector and gives a reason", () => {
    // Keys are "uri:<id>" or "json:<id>" (the two files may reuse an id); the source suites list theirs
    // as "aws_backends:<id>" and "env_backend:<id>" and check them by their own rules.
    const ids = new Set([...uriCases.map((v) => `uri:${v.id}`), ...jsonCases.map((v) => `json:${v.id}`)]);
    expect(ids.size).toBe(uriCases.length + jsonCases.length);
    for (const v of uriTaskCases) ids.add(`uri_task:${v.id}`);
    for (const v of jsonTaskCases) ids.add(`json_task:${v.id}`);
    for (const file of fuzzFiles) for (const v of fuzzCases[file]) ids.add(`${file}:${v.id}`);
    // Every other vector file (the suites that check them list theirs here too).
    for (const name of readdirSync(new URL("vectors/", ROOT))) {
      const file = name.replace(/\.json$/, "");
      if (!name.endsWith(".json") || ["uri", "json", "uri_task", "json_task"].includes(file)) continue;
      if ((fuzzFiles as readonly string[]).includes(file)) continue;
      for (const v of load<{ cases: { id: string }[] }>(`vectors/${name}`).cases) ids.add(`${file}:${v.id}`);
    }
    for (const [id, reason] of Object.entries(deviations)) {
      expect(ids.has(id), `deviations.json names unknown vector ${id}`).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
  });

  test("the corpus has the size issue 2 asks for", () => {
    expect(uriCases.length).toBeGreaterThanOrEqual(300);
    expect(jsonCases.length).toBeGreaterThanOrEqual(100);
  });

  test("the seeded random corpus runs every input through both parsers", () => {
    expect(fuzzCases.uri_fuzz.length).toBeGreaterThanOrEqual(900);
    expect(fuzzCases.json_fuzz.length).toBeGreaterThanOrEqual(400);
    expect(fuzzCases.uri_fuzz_task.map((v) => v.id)).toEqual(fuzzCases.uri_fuzz.map((v) => v.id));
    expect(fuzzCases.json_fuzz_task.map((v) => v.id)).toEqual(fuzzCases.json_fuzz.map((v) => v.id));
  });
});

afterAll(() => {
  console.log(
    `conformance: ${ran.uri} URI vectors and ${ran.json} JSON vectors ran, ${ran.uri_task} + ${ran.json_task} through the Task SDK parser ` +
      `seeded random: ${ran.uri_fuzz} + ${ran.uri_fuzz_task} URI and ${ran.json_fuzz} + ${ran.json_fuzz_task} JSON ` +
      `(${ran.deviations} documented deviations in conformance/deviations.json)`,
  );
});
