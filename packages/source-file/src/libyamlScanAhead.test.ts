import { describe, expect, it } from "vitest";
import { libyamlScanAhead } from "./libyamlScanAhead.js";

describe("libyamlScanAhead", () => {
  it("reads a plain scalar with the blanks and line breaks after it", () => {
    expect(libyamlScanAhead("a: x\n  \nb: 1\n", 3)).toBe(8);
    expect(libyamlScanAhead("a: x y\n  z\n\nb: 1\n", 3)).toBe(12);
  });

  it("reads into the next token after one that could still be a key", () => {
    expect(libyamlScanAhead("a: x # c\nb: 1\n", 3)).toBe(10);
    expect(libyamlScanAhead("a: !t\n  `x\n", 3)).toBe(9);
    expect(libyamlScanAhead("a: 'q'\nb: 1\n", 3)).toBe(8);
  });

  it("stops at the token's end after a quoted scalar over lines, or an indicator", () => {
    expect(libyamlScanAhead("a: 'q\n  r'\nb: 1\n", 3)).toBe(10);
    expect(libyamlScanAhead("- x\n", 0)).toBe(1);
    expect(libyamlScanAhead("a: x\n", 1)).toBe(2);
  });

  it("runs to the end of the text after the last token", () => {
    expect(libyamlScanAhead("a: !t\n\n# c\n", 3)).toBe(11);
  });

  it("stays at the offset where no token starts, or one libyaml cannot start", () => {
    expect(libyamlScanAhead("a: x\n", 4)).toBe(4);
    expect(libyamlScanAhead("a: x\n", 2)).toBe(2);
    expect(libyamlScanAhead("a: @x\nb: 1\n", 3)).toBe(3);
    expect(libyamlScanAhead("a: `x\nb: 1\n", 3)).toBe(3);
  });

  it("reads a block scalar header that is the next token whole", () => {
    // "c" could still be a key, so libyaml scans ">x" and fails there first: PyYAML's "did not
    // find expected comment or line break" at line 5, column 6 (fuzz seed 5353, case 0434).
    const text = "a:\n  b: |\n      h\n    c # k\n    >x\n";
    expect(libyamlScanAhead(text, text.indexOf("c #"))).toBe(text.indexOf(">x") + 2);
  });
});
