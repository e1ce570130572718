import { describe, expect, it } from "vitest";
import { loadConnections } from "./loadConnections.js";
import { yamlError } from "../test/yamlError.js";
import { parseYamlText } from "./parseYamlText.js";

// Each outcome is what Airflow 3.3.2's load_connections_dict gave for the same text: yaml.safe_load
// with PyYAML 6.0.4's CSafeLoader (libyaml), lines as problem_mark.line + 1.

describe("indentation inside quoted scalars and flow collections (libyaml ignores it)", () => {
  it.each([
    ['a:\n  host: "x\ny"\n', { a: { host: "x y" } }],
    ["a:\n  host: 'x\ny'\n", { a: { host: "x y" } }],
    ['a:\n  host: "x\n  y"\n', { a: { host: "x y" } }],
    ['a: "x\n\ty"\n', { a: "x y" }], // a tab-led continuation line
    ['a: "x\n\n\ny"\n', { a: "x\n\ny" }], // blank lines are line breaks
    ["a: [1,\n2]\n", { a: [1, 2] }],
    ["a:\n  b: {x: 1,\n y: 2}\n", { a: { b: { x: 1, y: 2 } } }],
    ['- a: "x\ny"\n  b: 1\n', [{ a: "x y", b: 1 }]],
  ])("folds %j as PyYAML does", (text, value) => {
    expect(parseYamlText(text).value).toEqual(value);
  });

  it("still reports a later error at PyYAML's line", () => {
    // PyYAML: 'found unexpected end of stream' at line 5 (the quote opened at line 4 never closes).
    expect(yamlError('a:\n  host: "x\ny"\nb: \'q\n').line).toBe(5);
  });

  it("refuses a document marker inside a quoted scalar, at the marker's line", () => {
    // PyYAML: 'while scanning a quoted scalar ... found unexpected document indicator' at line 2.
    expect(yamlError('a: "x\n---\ny"\n').line).toBe(2);
    expect(yamlError('a: "x\n... y"\n').line).toBe(2);
  });
});

describe("keys PyYAML refuses", () => {
  it.each([
    // 'did not find expected key' (block) / 'did not find expected node content' (flow), at the ":"
    [": x\n", 1, 1],
    ["a: 1\n: x\n", 2, 1],
    ["a:\n  b: 1\n  : x\n", 3, 3],
    ["- : x\n", 1, 3],
    ["{: x}\n", 1, 2],
    ["[: x]\n", 1, 2],
    // "did not find expected ',' or '}'" at the ":" of a flow mapping key spread over two lines
    ["{a\n : 1}\n", 2, 2],
    ['x: {"a\n b": 1}\n', 2, 4],
    ["x: {a\n  b: 1}\n", 2, 4],
    // 'found unhashable key' at the key
    ["? [1]\n: x\n", 1, 3],
    ["a: {[1]: x}\n", 1, 5],
  ])("refuses %j at line %i, column %i", (text, line, column) => {
    expect(yamlError(text)).toMatchObject({ line, column });
  });

  it("reads an explicit empty key and a one-line flow key", () => {
    // PyYAML: {"a": {None: "x"}}; a None key below the top level is "null" once json.dumps has it.
    expect(parseYamlText("a:\n  ? \n  : x\n").value).toEqual({ a: { null: "x" } });
    expect(parseYamlText("{a: 1,\n b: 2}\n").value).toEqual({ a: 1, b: 2 });
  });
});

describe("top-level keys that are not strings (null, ~, yes, 1, 1.5, dates)", () => {
  it.each(["null", "~", "Null", "yes", "on", "1", "0x1F", "1.5", "2001-01-01", "? "])(
    "%j: Airflow builds Connection(conn_id=None) under a key no string id finds; awsconn gives it no id",
    (key) => {
      const text = key === "? " ? "? \n: aws://h\nz: aws://k\n" : `${key}: aws://h\nz: aws://k\n`;
      const { entries, problems } = loadConnections(text, "yaml");
      expect(problems).toEqual([]);
      expect([...entries.keys()]).toEqual(["z"]);
    },
  );

  it("checks its value as Airflow does ('Unexpected value type', which fails the file)", () => {
    const { entries, problems } = loadConnections("null: 5\nz: aws://k\n", "yaml");
    expect([...entries.keys()]).toEqual(["z"]);
    expect(problems).toMatchObject([{ line: 1, connId: undefined }]);
    expect(problems[0]?.reason).toMatch(/unexpected value type int/);
  });

  it('keeps 1 and "1" apart, as two keys of a Python dict', () => {
    const { entries } = loadConnections('"1": aws://quoted\n1: aws://int\n', "yaml");
    expect([...entries.keys()]).toEqual(["1"]);
    expect(entries.get("1")?.connection.host).toBe("quoted");
  });
});
