import { describe, expect, it } from "vitest";
import { pyyamlInt } from "./pyyamlInt.js";

describe("pyyamlInt: PyYAML's construct_yaml_int", () => {
  it("reads every spelling PyYAML reads, every digit kept", () => {
    const cases: [string, bigint][] = [
      ["0", 0n],
      ["-0", 0n],
      ["+12", 12n],
      ["1_000", 1000n],
      ["0b101", 5n],
      ["-0x_1F", -31n],
      ["017", 15n],
      ["0o17", 15n],
      ["1:20", 80n],
      ["-1:00:00", -3600n],
      ["12345678901234567890", 12345678901234567890n],
      [" 7 ", 7n],
    ];
    for (const [text, int] of cases) expect(pyyamlInt(text), text).toBe(int);
  });

  it("is undefined where PyYAML's int() raises", () => {
    for (const text of ["08", "0:30", "1.5", "0xg", "0b2", "", "abc", "1:2a"])
      expect(pyyamlInt(text), text).toBeUndefined();
  });
});
