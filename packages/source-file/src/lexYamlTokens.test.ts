import { describe, expect, it } from "vitest";
import { lexYamlTokens } from "./lexYamlTokens.js";

describe("lexYamlTokens", () => {
  it("gives each token its place and type, without the lexer's markers", () => {
    expect(lexYamlTokens("a: 'x'\n")).toEqual([
      { start: 0, end: 1, source: "a", type: null },
      { start: 1, end: 2, source: ":", type: "map-value-ind" },
      { start: 2, end: 3, source: " ", type: "space" },
      { start: 3, end: 6, source: "'x'", type: "single-quoted-scalar" },
      { start: 6, end: 7, source: "\n", type: "newline" },
    ]);
  });
});
