import { describe, expect, it } from "vitest";
import { closestMatch } from "./closestMatch.js";

describe("closestMatch", () => {
  it.each([
    ["sorces", ["sources", "mode", "cache"], "sources"],
    ["secretmanager", ["env", "file", "secretsmanager", "ssm"], "secretsmanager"],
    ["sm", ["env", "file", "secretsmanager", "ssm"], "ssm"],
    ["SSM", ["env", "file", "secretsmanager", "ssm"], "ssm"],
    ["ttl", ["ttlSeconds", "negativeTtlSeconds", "maxEntries"], "ttlSeconds"],
  ])("%s -> %s", (word, candidates, expected) => {
    expect(closestMatch(word, candidates)).toBe(expected);
  });

  it("answers undefined when nothing is close", () => {
    expect(closestMatch("xyzzy", ["sources", "mode", "cache"])).toBeUndefined();
    expect(closestMatch("a", [])).toBeUndefined();
  });
});
