import { describe, expect, it } from "vitest";
import { libyamlLineStartBoms } from "./libyamlLineStartBoms.js";

describe("libyamlLineStartBoms", () => {
  it("makes a byte order mark at a line's start a space, as libyaml's scanner skips it", () => {
    expect(libyamlLineStartBoms("a:\n b: 1\n\ufeffc: 2\n")).toEqual({ text: "a:\n b: 1\n c: 2\n" });
    expect(libyamlLineStartBoms("a: 1\n\ufeff\nb: 2\n")).toEqual({ text: "a: 1\n \nb: 2\n" });
  });

  it("leaves the text's first character and an unclosed quoted scalar's text alone", () => {
    for (const text of ["\ufeffa: 1\n", 'a: "x\n\ufeffy"\n', "a: 'x\n\ufeffy'\n"])
      expect(libyamlLineStartBoms(text)).toEqual({ text });
  });

  it("ends a block scalar at a line-start BOM, as libyaml does (its block lines are indented)", () => {
    // PyYAML: {'a': {'b': 'x\n', 'c': 1}}; the `yaml` package alone made "\ufeff c" a top-level key.
    expect(libyamlLineStartBoms("a:\n  b: |\n    x\n\ufeff c: 1\n")).toEqual({
      text: "a:\n  b: |\n    x\n  c: 1\n",
    });
    // A blank BOM line becomes a comment: the |+ scalar is 'x\n' to PyYAML, not 'x\n\n'.
    expect(libyamlLineStartBoms("a:\n  b: |+\n    x\n\ufeff\n  c: 1\n")).toEqual({
      text: "a:\n  b: |+\n    x\n#\n  c: 1\n",
    });
  });

  it("gives the place of the token a BOM-ended block scalar leaves indented as no key is", () => {
    // PyYAML: "did not find expected key" (3, 3), (4, 3), (4, 6); "expected '-' indicator" (3, 4);
    // "expected <document start>" (2, 2).
    const at = (text: string) => {
      const { line, column } = libyamlLineStartBoms(text).problem ?? {};
      return [line, column];
    };
    expect(at("a: |\n  x\n\ufeff y\n")).toEqual([3, 3]);
    expect(at("a: >\n  x\n\ufeff\n  y\n")).toEqual([4, 3]);
    expect(at("a:\n  b: |\n    x\n\ufeff    y\n")).toEqual([4, 6]);
    expect(at("- |\n  x\n\ufeff  y\n")).toEqual([3, 4]);
    expect(at("--- |\n\ufeffx\n")).toEqual([2, 2]);
    expect(at("a: |\n  x\n\ufeff # c\nb: 1\n")).toEqual([undefined, undefined]);
  });

  it("gives the place where the space would continue the plain scalar before it", () => {
    // PyYAML: "did not find expected key" at line 2, column 2 and line 3, column 4.
    expect(libyamlLineStartBoms("a: 1\n\ufeffb: 2\n").problem).toMatchObject({ line: 2, column: 2 });
    expect(libyamlLineStartBoms("a:\n  b: x\n\ufeff  c: 2\n").problem).toMatchObject({ line: 3, column: 4 });
  });

  it("reads quoted and flow lines where libyaml places them (an under-indented quote line too)", () => {
    // PyYAML: {'a': {'b': 'x y'}, ...} and ['n', '+.5']: the BOM after the closed quote, and
    // after a flow comma, is skipped; the one on a quote's own line is text ('x \ufeff y').
    expect(libyamlLineStartBoms('a:\n  b: "x\ny"\n\ufeff\n').text).toBe('a:\n  b: "x\ny"\n \n');
    expect(libyamlLineStartBoms("a: [n,\n\ufeff  +.5]\n").text).toBe("a: [n,\n   +.5]\n");
    const inQuote = 'a:\n  b: "x\n\ufeff\n    y"\n';
    expect(libyamlLineStartBoms(inQuote)).toEqual({ text: inQuote });
    // PyYAML: "did not find expected key" at line 4, column 2; the package refuses " c: 1" there too.
    expect(libyamlLineStartBoms('a:\n  b: "x\ny"\n\ufeffc: 1\n').text).toBe('a:\n  b: "x\ny"\n c: 1\n');
  });

  it("gives the place of a tab after the mark in block context (none in a flow collection)", () => {
    // PyYAML: "found character that cannot start any token" at (2, 3); a flow list [1, 2].
    expect(libyamlLineStartBoms("a: 1\n\ufeff \t# tab\n").problem).toMatchObject({ line: 2, column: 3 });
    expect(libyamlLineStartBoms("a: [1,\n\ufeff \t2]\n").problem).toBeUndefined();
  });
});
