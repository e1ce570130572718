import { describe, expect, it } from "vitest";
import { ConfigError } from "@awsconn/core";
import { pythonReMatch } from "./pythonReMatch.js";
import { translatePythonRegex } from "./translatePythonRegex.js";

const I = { ignoreCase: true };
const refusal = (pattern: string, options: { ignoreCase?: boolean } = I) => {
  try {
    translatePythonRegex(pattern, { ...options, path: "sources[0].lookupPattern" });
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error(`${pattern} was translated`);
};

describe("translatePythonRegex (the corpus is in test/pythonRegex.conformance.test.ts)", () => {
  it("keeps Python's anchors: re.match is a prefix match, $ allows a final newline, \\Z does not", () => {
    expect(pythonReMatch("aws", I)("aws_default")).toBe(true);
    expect(pythonReMatch("aws$", I)("aws\n")).toBe(true);
    expect(pythonReMatch("aws\\Z", I)("aws\n")).toBe(false);
    expect(pythonReMatch("\\Aa|b", I)("b")).toBe(true);
    expect(pythonReMatch(".", I)("\n")).toBe(false);
    expect(pythonReMatch("(?s).", I)("\n")).toBe(true);
  });

  it("uses Python's Unicode classes and case rules", () => {
    expect(pythonReMatch("\\w+\\Z", I)("é٣_")).toBe(true);
    expect(pythonReMatch("\\s", I)("\x85")).toBe(true);
    expect(pythonReMatch("\\s", I)("\ufeff")).toBe(false);
    expect(pythonReMatch("i", I)("\u0130")).toBe(true);
    expect(pythonReMatch("k", I)("\u212a")).toBe(true);
    expect(pythonReMatch("\\bx", I)("éx")).toBe(false);
  });

  it("translates {,n}, named groups and references, comments, atomic groups and possessive repeats", () => {
    expect(pythonReMatch("a{,2}b\\Z", I)("aab")).toBe(true);
    expect(pythonReMatch("(?P<n>a)(?#note)(?P=n)\\Z")("aa")).toBe(true);
    expect(pythonReMatch("(?P<n>a)(?P=n)")("aA")).toBe(false);
    expect(pythonReMatch("(?>a+)a", I)("aaa")).toBe(false);
    expect(pythonReMatch("a++b", I)("aab")).toBe(true);
  });

  it("refuses what Python rejects, with Python's reason and the path", () => {
    for (const [pattern, reason] of [
      ["\\e", "bad escape \\e"],
      ["\\p{L}", "bad escape \\p"],
      ["a**", "multiple repeat"],
      ["(?<=a+)", "look-behind requires fixed-width pattern"],
      ["a(?i)", "global flags not at the start"],
      ["(?<n>a)", "unknown extension ?<n"],
    ]) {
      const error = refusal(pattern as string);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.path).toBe("sources[0].lookupPattern");
      expect(error.message).toContain(`not a valid Python regular expression: ${reason}`);
    }
  });

  it("refuses, naming the construct, what JavaScript cannot match exactly", () => {
    expect(refusal("\\N{EM DASH}").message).toContain("\\N{...}");
    expect(refusal("(a)\\1").message).toContain("backreference to group 1 under IGNORECASE");
    expect(refusal("(a)?b\\1", {}).message).toContain("may not have matched");
    expect(refusal("(?:|-)*+-").message).toContain("possessive quantifier");
    expect(refusal("(?x)a").message).toContain("VERBOSE");
  });

  it("reads a backreference to a group that always matched, without IGNORECASE", () => {
    expect(pythonReMatch("(a)(b)\\2\\1\\Z")("abba")).toBe(true);
    expect(pythonReMatch("(?:(a)c)+\\1")("acaca")).toBe(true);
  });
});
