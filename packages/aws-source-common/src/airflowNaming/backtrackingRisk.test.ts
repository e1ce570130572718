import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { backtrackingRisk } from "./backtrackingRisk.js";
import { compileLookupPattern } from "./compileLookupPattern.js";

describe("backtrackingRisk", () => {
  it.each([
    "(a|a)+$",
    "(a+)+",
    "(a*)*b",
    "(\\w+\\s?)*$",
    "^(x|x)*y",
    "((ab)+)+",
    "(?:a|a){2,}",
    "(\\w|_)+$",
    "(a|A)+$",
    "([a-z]+)*$",
  ])("refuses %s", (pattern) => {
    expect(backtrackingRisk(pattern)).toBeDefined();
    expect(() => compileLookupPattern(pattern, "sources[1].lookupPattern")).toThrow(ConfigError);
  });

  it.each([
    "aws_",
    "^aws_.*",
    "(aws|gcp)_.*",
    "(a|b)+$",
    "[a-z]+_[0-9]*",
    "(ab)+",
    "(a+)?",
    "prod-(x|y)-\\d+",
  ])("accepts %s", (pattern) => {
    expect(backtrackingRisk(pattern)).toBeUndefined();
    expect(() => compileLookupPattern(pattern)).not.toThrow();
  });

  it("the refusal names the path and the shape", () => {
    expect(() => compileLookupPattern("(a|a)+$", "sources[1].lookupPattern")).toThrow(
      /sources\[1\]\.lookupPattern: refused: .*alternatives that can start alike.*catastrophic backtracking/,
    );
  });
});
