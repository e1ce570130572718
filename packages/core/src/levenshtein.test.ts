import { describe, expect, it } from "vitest";
import { levenshtein } from "./levenshtein.js";

describe("levenshtein", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["region", "region_name", 5],
    ["flaw", "lawn", 2],
  ])("%s / %s = %d", (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
});
