import { describe, expect, it } from "vitest";
import { loadVariables } from "./loadVariables.js";

describe("loadVariables: a value that is not a string says what it is", () => {
  it("names a list, a date, binary data and an object", () => {
    const { entries, problems } = loadVariables(
      "l: [1]\nd: 2001-12-14\nb: !!binary Null\no: {k: v}\ns: text\n",
      "yaml",
    );
    expect([...entries.keys()]).toEqual(["s"]);
    expect(problems.map((p) => [p.line, p.reason.split(", not a string")[0]])).toEqual([
      [1, 'the value of "l" is a list'],
      [2, 'the value of "d" is a date'],
      [3, 'the value of "b" is binary data (!!binary)'],
      [4, 'the value of "o" is an object'],
    ]);
  });
});

describe("loadVariables: keys a YAML merge brings in come first, as PyYAML's flatten_mapping puts them", () => {
  it("lists a merged key before the file's own keys even when `<<` is last (variables fuzz seed 83838, case 0251)", () => {
    // PyYAML (load_variables) on this file gives {"merged": "m", "a/b": "é", "x-y": "日本"}.
    const loaded = loadVariables("\r\na/b: é\r\nx-y: '日本'\r\n<<: {merged: m}", "yaml");
    expect([...loaded.entries.keys()]).toEqual(["merged", "a/b", "x-y"]);
    expect(loaded.entries.get("merged")?.value).toBe("m");
  });
});
