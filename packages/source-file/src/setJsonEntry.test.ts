import { parsePythonJson } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { setJsonEntry } from "./setJsonEntry.js";

describe("setJsonEntry", () => {
  const text = '{\n  "a": "x",\n  "b": {"c": [1, {"d": "}\\" ]"}]},\n  "bad id": "http://h"\n}\n';

  it("replaces only the value of the entry", () => {
    expect(setJsonEntry(text, "b", { host: "h" })).toBe(
      '{\n  "a": "x",\n  "b": {\n    "host": "h"\n  },\n  "bad id": "http://h"\n}\n',
    );
  });

  it("adds an entry after the last one, in the file's layout", () => {
    expect(setJsonEntry(text, "z", { host: "h" })).toBe(
      '{\n  "a": "x",\n  "b": {"c": [1, {"d": "}\\" ]"}]},\n  "bad id": "http://h",\n  "z": {\n    "host": "h"\n  }\n}\n',
    );
    expect(setJsonEntry('{"a": "x"}', "z", { host: "h" })).toBe('{"a": "x", "z": {"host":"h"}}');
    expect(setJsonEntry("{}\n", "z", { port: 1 })).toBe('{\n  "z": {\n    "port": 1\n  }\n}\n');
    expect(setJsonEntry("  \n", "z", { port: 1 })).toBe('{\n  "z": {\n    "port": 1\n  }\n}\n');
  });

  it("a repeated key: the last one (the one json.loads reads) is replaced; CRLF is kept", () => {
    const out = setJsonEntry('{\r\n  "a": 1,\r\n  "a": 2\r\n}\r\n', "a", { host: "h" });
    expect(out).toBe('{\r\n  "a": 1,\r\n  "a": {\r\n    "host": "h"\r\n  }\r\n}\r\n');
    expect(parsePythonJson(out).value).toEqual({ a: { host: "h" } });
  });

  it("steps over Python's literals and every kind of value", () => {
    const py = '{"n": NaN, "i": -Infinity, "t": true, "z": null, "f": -1.5e3, "s": "a,b}"}';
    expect(parsePythonJson(setJsonEntry(py, "x", { port: 2 })).value).toMatchObject({
      s: "a,b}",
      x: { port: 2 },
    });
  });
});
