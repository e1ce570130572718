import { describe, expect, it } from "vitest";
import { libyamlLineStartBoms } from "./libyamlLineStartBoms.js";

describe("libyamlLineStartBoms", () => {
  it("makes a byte order mark at a line's start a space, as libyaml's scanner skips it", () => {
    expect(libyamlLineStartBoms("a:\n b: 1\n\ufeffc: 2\n")).toEqual({ text: "a:\n b: 1\n c: 2\n" });
    expect(libyamlLineStartBoms("a: 1\n\ufeff\nb: 2\n")).toEqual({ text: "a: 1\n \nb: 2\n" });
  });

  it("leaves the text's first character, a quoted scalar's text and a block scalar's end alone", () => {
    for (const text of ["\ufeffa: 1\n", 'a: "x\n\ufeffy"\n', "a: 'x\n\ufeffy'\n", "a: |\n  x\n\ufeff y\n"])
      expect(libyamlLineStartBoms(text)).toEqual({ text });
  });

  it("gives the place where the space would continue the plain scalar before it", () => {
    // PyYAML: "did not find expected key" at line 2, column 2 and line 3, column 4.
    expect(libyamlLineStartBoms("a: 1\n\ufeffb: 2\n").problem).toMatchObject({ line: 2, column: 2 });
    expect(libyamlLineStartBoms("a:\n  b: x\n\ufeff  c: 2\n").problem).toMatchObject({ line: 3, column: 4 });
  });
});
