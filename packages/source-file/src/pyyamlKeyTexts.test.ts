import { describe, expect, it } from "vitest";
import { loadConnections } from "./loadConnections.js";
import { parseYamlText } from "./parseYamlText.js";

// Airflow 3.3.2 with PyYAML 6.0.3: yaml.safe_load, then json.dumps of the extra (what Airflow
// stores), read back as extra_dejson. The conformance vectors (local_filesystem.json,
// yaml-extra-*-keys) hold the same from the real Airflow.
const extraOf = (lines: string) =>
  (parseYamlText(`a:\n  extra:\n${lines}`).value as { a: { extra: Record<string, unknown> } }).a.extra;

describe("pyyamlKeyTexts: number and boolean keys as json.dumps writes them", () => {
  it("spells floats as Python's repr and keeps every digit of an int", () => {
    expect(
      extraOf(
        "    1.0: a\n    -0.0: b\n    1.5e+16: c\n    12345678901234567890: d\n    0x1F: e\n    1:30: f\n",
      ),
    ).toEqual({ "1.0": "a", "-0.0": "b", "1.5e+16": "c", "12345678901234567890": "d", "31": "e", "90": "f" });
    expect(extraOf("    .inf: a\n    -.inf: b\n    .nan: c\n    2.50: d\n    1e3: e\n")).toEqual({
      Infinity: "a",
      "-Infinity": "b",
      NaN: "c",
      "2.5": "d",
      "1e3": "e", // a string to PyYAML: its float needs a "."
    });
  });

  it("makes the keys a Python dict holds as one a single key: the first text, the last value", () => {
    expect(
      extraOf("    1.0: a\n    x: 0\n    1: b\n    true: c\n    0: d\n    -0.0: e\n    off: f\n"),
    ).toEqual({
      "1.0": "c",
      x: 0,
      "0": "f",
    });
    // A string key is not a number key: json.dumps writes both in the dict's order (each key where
    // it first came, with its last value), and json.loads keeps the last it reads.
    expect(extraOf("    '1': a\n    1: b\n")).toEqual({ "1": "b" });
    expect(extraOf("    1.: a\n    '1.0': b\n    1.0: c\n")).toEqual({ "1.0": "b" });
  });

  it("reads a tag on a block mapping's first key as that key's, as PyYAML does", () => {
    expect(extraOf("    !!float 3: a\n    !!str 4: b\n    !!int '5': c\n")).toEqual({
      "3.0": "a",
      "4": "b",
      "5": "c",
    });
    expect(parseYamlText("!!str 1: aws://h\n").value).toEqual({ "1": "aws://h" });
    expect(parseYamlText("a: !!map\n  b: 1\n").value).toEqual({ a: { b: 1 } });
    expect(() => parseYamlText("a:\n  !!foo 1: x\n")).toThrow("unresolved tag (column 3) (line 2)");
  });

  it("leaves deeper mappings' keys the same way, inside lists too", () => {
    expect(extraOf("    n:\n      - 3.0: p\n        4: q\n")).toEqual({ n: [{ "3.0": "p", "4": "q" }] });
  });

  it("refuses an extra whose date a later key of another kind hides (json.dumps still meets it)", () => {
    // '1' (text) and 1 (int) are two keys to Python: json.dumps writes both, and meets the date.
    const reasons = (extra: string) =>
      loadConnections(`a:\n  conn_type: aws\n  extra:\n${extra}`, "yaml").problems.map((p) => p.reason);
    expect(reasons("    !!str 1: 2001-12-14\n    1: x\n")).toEqual([
      "extra holds a YAML date, which is not JSON; quote it",
    ]);
    expect(reasons("    1.0:\n      - 2001-12-14\n    '1.0': x\n")).toEqual([
      "extra holds a YAML date, which is not JSON; quote it",
    ]);
    // The same key twice: Python keeps the last value, and the date is gone.
    expect(reasons("    1: 2001-12-14\n    1.0: x\n")).toEqual([]);
    // In a connection's own mapping a number key is an illegal field: no stand-in key is named.
    const own = loadConnections("a:\n  conn_type: aws\n  1.0: 2001-12-14\n  '1.0': x\n", "yaml").problems;
    expect(own.map((p) => p.reason.split(";")[0])).toEqual(["illegal keys: 1.0"]);
  });
});
