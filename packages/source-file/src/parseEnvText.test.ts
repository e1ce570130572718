import { describe, expect, it } from "vitest";
import { parseEnvText } from "./parseEnvText.js";

describe("parseEnvText", () => {
  it("reads KEY=VALUE lines, skipping blank and comment lines, trimming and unquoting nothing", () => {
    const text = "# comment\n\n   # indented comment\nA=aws://k:s@\nB = 'postgres://h/db'\nC=x=y\n";
    expect(parseEnvText(text)).toEqual({
      lines: [
        { key: "A", value: "aws://k:s@", line: 4 },
        { key: "B ", value: " 'postgres://h/db'", line: 5 },
        { key: "C", value: "x=y", line: 6 },
      ],
      errors: [],
    });
  });

  it("reports every malformed line with its number, in order", () => {
    const { lines, errors } = parseEnvText("A=x\nno equal sign\n=value\nB=\n   \nC=y");
    expect(lines.map((l) => l.key)).toEqual(["A", "C"]);
    expect(errors).toEqual([
      { line: 2, reason: 'Invalid line format. The line should contain at least one equal sign ("=").' },
      { line: 3, reason: "Invalid line format. Key is empty." },
      { line: 4, reason: "Invalid line format. Value is empty." },
      { line: 5, reason: 'Invalid line format. The line should contain at least one equal sign ("=").' },
    ]);
  });

  it("counts lines at Python's splitlines() boundaries", () => {
    const { lines } = parseEnvText("A=1\fB=2\u2028C=3\vD=4");
    expect(lines.map((l) => [l.key, l.line])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 3],
      ["D", 4],
    ]);
  });

  it("keeps repeated keys for the caller to refuse", () => {
    expect(parseEnvText("A=1\nA=2").lines.map((l) => l.line)).toEqual([1, 2]);
  });
});
