import { describe, expect, it } from "vitest";
import { parseYamlText } from "./parseYamlText.js";

// What yaml.safe_load (PyYAML 6.0.4's CSafeLoader, libyaml: Airflow 3.3.2's loader) gives for a
// block scalar that runs to the end of a text without a final line break: it keeps only the breaks
// the text has, so clip (`|`, `>`) and keep (`|+`, `>+`) add none after an unterminated last line.
describe("libyaml's block scalar at the end of a text with no final line break", () => {
  it.each([
    ["k: |\n  on\n  second line", "on\nsecond line"],
    ["k: |\n  on\n  second line\n", "on\nsecond line\n"],
    ["k: >\n  on\n  second line", "on second line"],
    ["k: |+\n  on\n  second line", "on\nsecond line"],
    ["k: >+\n  on\n\n  second line", "on\nsecond line"],
    ["k: |-\n  on\n  second line", "on\nsecond line"],
    ["k: |+\n  ", ""],
    ["k: |+\n\n  ", "\n"],
    ["k: |+ # c\n  ", ""],
    ["k: |\n  a\n  ", "a\n"],
    ["k: |\n  a\n    ", "a\n  "],
    ["k: |+\n  a\n\n  ", "a\n\n"],
    ["k: |\n  a\n  # c", "a\n# c"],
    ["x:\n  k: |\n    a", "a"],
    ["k: |\u2028  on\u2028  second line", "on\u2028second line"],
    ["k: >\u2029  on\u2029\u2029  second line", "on\u2029\u2029second line"],
    ["k: |+\u2028  on\u2028  second line\u2028", "on\u2028second line\u2028"],
  ])("%j", (text, value) => {
    const read = parseYamlText(text).value as Record<string, unknown>;
    expect((read.x as Record<string, unknown> | undefined)?.k ?? read.k).toBe(value);
  });

  it("reads a list item's block scalar the same way", () => {
    expect(parseYamlText("- |\n  a\n   b").value).toEqual(["a\n b"]);
  });
});
