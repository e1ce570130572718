import { describe, expect, it } from "vitest";
import { type FileProblem, loadConnections } from "./loadConnections.js";

function refusal(text: string): FileProblem {
  const [first] = loadConnections(text, "json").problems;
  if (!first) throw new Error("expected the file to be refused");
  return first;
}

describe("loadConnections on .json files (core's parsePythonJson with lines)", () => {
  it("puts each connection at the line of its key, a repeated key at its last line", () => {
    const { entries } = loadConnections(
      '{\n"a": "postgres://h/x",\n\n"b": {"conn_type": "http"},\n"a": "mysql://h"}',
      "json",
    );
    expect([...entries.keys()]).toEqual(["a", "b"]);
    expect(entries.get("a")?.line).toBe(5);
    expect(entries.get("a")?.connection.connType).toBe("mysql");
    expect(entries.get("b")?.line).toBe(4);
  });

  it("reports Python's json.loads message at its line, CRLF read as one newline", () => {
    expect(refusal('{\r\n"a": "x"\r\n"b": "y"}')).toMatchObject({
      reason: "Expecting ',' delimiter",
      line: 3,
    });
    expect(refusal("\ufeff{}")).toMatchObject({
      reason: "Unexpected UTF-8 BOM (decode using utf-8-sig)",
      line: 1,
    });
  });

  it("refuses nesting beyond core's bound as too deep, at line 1", () => {
    const deep = `{"a": {"extra": ${"[".repeat(1000)}${"]".repeat(1000)}}}`;
    expect(refusal(deep)).toMatchObject({ reason: "the file is nested too deeply", line: 1 });
  });

  it("reads a JSON-string extra with the same parser: Python's NaN accepted, bad JSON at the key's line", () => {
    const { entries } = loadConnections('{"a": {"extra": "{\\"x\\": NaN}"}}', "json");
    expect(entries.get("a")?.connection.extra).toEqual({ x: Number.NaN });
    expect(refusal('{"a": {\n"conn_type": "http",\n"extra": "{\\"x\\": 1"}}')).toMatchObject({
      reason: "extra is not valid JSON",
      line: 3,
    });
  });

  it("reads the integer -0 as 0, as Python's json.loads does", () => {
    const { entries } = loadConnections('{"a": {"port": -0, "extra": {"n": -0, "f": -0.0}}}', "json");
    expect(Object.is(entries.get("a")?.connection.port, 0)).toBe(true);
    expect(Object.is(entries.get("a")?.connection.extra.n, 0)).toBe(true);
    expect(Object.is(entries.get("a")?.connection.extra.f, -0)).toBe(true);
  });
});

// Found by the seeded random files (generate_local_filesystem_fuzz.py, seed 20261202): awsconn turned a
// mapping into "[object Object]" and a list into its items joined. Airflow keeps the Python value;
// awsconn's fields are strings, so the entry is refused at its line (numbers and booleans become text).
describe("a list or mapping in a text field", () => {
  it.each(["conn_type", "host", "login", "schema", "description"])(
    "%s: a mapping or list is refused",
    (field) => {
      for (const value of [{ a: 1 }, ["a"]]) {
        const { entries, problems } = loadConnections(
          JSON.stringify({ c: { [field]: value }, ok: "aws://h" }),
          "json",
        );
        expect(problems.map((p) => [p.connId, p.reason])).toEqual([
          ["c", `${field} must be a string, not ${Array.isArray(value) ? "list" : "dict"}`],
        ]);
        expect([...entries.keys()]).toEqual(["ok"]);
      }
    },
  );

  it("YAML: at the field's line", () => {
    const { problems } = loadConnections("c:\n  host: h\n  schema:\n    - a\n", "yaml");
    expect(problems.map((p) => [p.line, p.reason])).toEqual([[3, "schema must be a string, not list"]]);
  });

  it("numbers and booleans still become their text", () => {
    const { entries } = loadConnections('{"c": {"host": 1.5, "login": false, "schema": 493}}', "json");
    expect(entries.get("c")?.connection).toMatchObject({ host: "1.5", login: "false", schema: "493" });
  });
});

// Found by probing the real Airflow 3.3.2 (PyYAML) beside the seeded random files.
describe("YAML: NEL and dates", () => {
  it("U+0085 is a line break, as PyYAML reads it", () => {
    const { entries, problems } = loadConnections("a: aws://a\u0085b:\u0085  host: 'x\u0085    y'\n", "yaml");
    expect(problems).toEqual([]);
    expect(entries.get("a")?.connection.host).toBe("a");
    expect(entries.get("b")?.line).toBe(2);
    expect(entries.get("b")?.connection.host).toBe("x y"); // folded, as PyYAML folds it
  });

  it("a date in extra is refused, as Airflow's json.dumps fails on it (TypeError)", () => {
    for (const text of ["a:\n  extra:\n    k: 2001-12-14\n", "a:\n  extra: {k: [2001-12-14]}\n"]) {
      const { problems } = loadConnections(text, "yaml");
      expect(problems.map((p) => [p.connId, p.reason])).toEqual([
        ["a", "extra holds a YAML date, which is not JSON; quote it"],
      ]);
    }
  });

  it("!!binary bytes in extra or extra_dejson are refused, as Airflow's json.dumps fails on them (TypeError)", () => {
    // Seed 777 of the YAML fuzz: the bytes were kept in extra as a Buffer, a file Airflow cannot load.
    const cases: [string, string][] = [
      [
        "a:\n  extra:\n    k: !!binary Null\n",
        "extra holds binary data (!!binary), which is not JSON; give it as text",
      ],
      [
        "a:\n  extra_dejson:\n    k: [!!binary Null]\n",
        "extra_dejson holds binary data (!!binary), which is not JSON; give it as text",
      ],
      ["a:\n  extra: !!binary Null\n", "extra must be a JSON object, not bytes"],
      ["a:\n  host: !!binary Null\n", "host must be a string, not bytes"],
    ];
    for (const [text, reason] of cases)
      expect(loadConnections(text, "yaml").problems.map((p) => [p.connId, p.reason])).toEqual([
        ["a", reason],
      ]);
  });

  it("a date in a text field is refused (it used to become JavaScript's Date text)", () => {
    const { problems } = loadConnections("a:\n  host: 2001-12-14\n", "yaml");
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [2, "host must be a string, not a YAML date; quote it"],
    ]);
  });
});
