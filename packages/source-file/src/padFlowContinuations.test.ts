import { describe, expect, it } from "vitest";
import { padFlowContinuations } from "./padFlowContinuations.js";

describe("padFlowContinuations", () => {
  it("moves the lines of a flow collection or quoted scalar right, past where it opens", () => {
    expect(padFlowContinuations("a: [1,\n2]\n").text).toBe("a: [1,\n    2]\n");
    expect(padFlowContinuations('a:\n  b: "x\ny"\n').text).toBe('a:\n  b: "x\n      y"\n');
    expect(padFlowContinuations("a: 1\n").text).toBeUndefined();
    expect(padFlowContinuations('a: "x\n---\n"').markerInQuote).toBe(2);
  });

  it("counts a line holding a byte order mark as text, not blank", () => {
    // PyYAML: {'a': {'b': 'x \ufeff y'}}: the mark is text of the quoted scalar.
    expect(padFlowContinuations('a:\n  b: "x\n\ufeff\n    y"\n').text).toBe(
      'a:\n  b: "x\n      \ufeff\n          y"\n',
    );
  });

  it("takes a bracket on a deeper line after a plain scalar for text, as libyaml continues the scalar", () => {
    // PyYAML: "could not find expected ':'" at line 5 (YAML fuzz seed 5353, case 0215): the "{x"
    // line continues "less", so no line after it is moved; after a comment the bracket opens a list.
    expect(padFlowContinuations("a:\n  b: 1\n  less\n   {x\n  less\n").text).toBeUndefined();
    expect(padFlowContinuations("a: x # c\n  [y,\nz]\n").text).toBe("a: x # c\n  [y,\n   z]\n");
  });
});
