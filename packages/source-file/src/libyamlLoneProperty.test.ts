import { describe, expect, it } from "vitest";
import { libyamlLoneProperty } from "./libyamlLoneProperty.js";

describe("libyamlLoneProperty", () => {
  it("finds a tag or anchor alone on a line deeper than the key after it, past blank and comment lines", () => {
    expect(libyamlLoneProperty("z:\n c: |-\n     t\n   &x\n port: 1\n", 24)).toBe(20);
    expect(libyamlLoneProperty("z:\n c: |-\n     t\n   !x # c\n\n # c\n port: 1\n", 34)).toBe(20);
  });

  it("finds nothing at the key's own column, or above a line with more than properties", () => {
    expect(libyamlLoneProperty("z:\n c: |-\n     t\n &x\n port: 1\n", 22)).toBeUndefined();
    expect(libyamlLoneProperty("z:\n c: 1\n   &x y\n port: 1\n", 18)).toBeUndefined();
  });
});
