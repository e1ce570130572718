import { describe, expect, it } from "vitest";
import { loadConnections } from "./loadConnections.js";
import { parseYamlText } from "./parseYamlText.js";

const LS = "\u2028";
const PS = "\u2029";

// What yaml.safe_load (PyYAML 6.0.4's CSafeLoader, libyaml: Airflow 3.3.2's loader) gives for each
// text: U+2028 and U+2029 are line breaks (they end lines, comments and plain scalars and count in
// line numbers), but a scalar keeps them where a break is kept or folded, where "\n" folds to a space.
describe.each([LS, PS])("PyYAML's U+%s", (c) => {
  it.each([
    [`a: "x${c}y"\n`, `x${c}y`],
    [`a: "x${c} y"\n`, `x${c}y`],
    [`a: "x \t${c} y"\n`, `x${c}y`],
    [`a: "x\n${c}y"\n`, `x${c}y`],
    [`a: "x${c}${c}y"\n`, `x${c}${c}y`],
    [`a: "x${c}\ny"\n`, `x${c}\ny`],
    [`a: "x\n\n${c}y"\n`, `x\n${c}y`],
    [`a: "x\\${c}y"\n`, "xy"],
    [`a: 'x${c}y'\n`, `x${c}y`],
    [`a: x${c}   y\n`, `x${c}y`],
    [`a: |\n  x${c}  y\n`, `x${c}y\n`],
    [`a: >\n  x${c}  y\n`, `x${c}y\n`],
    [`a: >\n  x\n  y${c}  z\n  w\n`, `x y${c}z w\n`],
    [`a: >-\n  x${c}\n  y\n`, `x${c}\ny`],
    [`a: >\n  x\n    y${c}  z\n`, `x\n  y${c}z\n`],
    [`a: |+\n  x${c}${c}b: 1\n`, undefined],
  ])("%j", (text, value) => {
    const read = parseYamlText(text).value as Record<string, unknown>;
    if (value === undefined) expect(read).toEqual({ a: `x${c}${c}`, b: 1 });
    else expect(read.a).toBe(value);
  });

  it("ends a line, a comment and a plain scalar, and counts in line numbers", () => {
    expect(parseYamlText(`a: 1 # c${c}b: 2${c}c:${c}  d: 3\n`).value).toEqual({ a: 1, b: 2, c: { d: 3 } });
    const { problems } = loadConnections(`a: aws://h${c}b: [\n`, "yaml");
    expect(problems[0]?.line).toBe(3); // PyYAML: 'did not find expected node content' at line 3
  });
});

describe("U+0085 (NEL) is read as \\n, also in folded content", () => {
  it.each([
    ['a:\n  host: "x\u0085y"\n', "x y"],
    ['a:\n  host: "x\n\u0085y"\n', "x\ny"],
    ["a:\n  host: |\n    x\u0085    y\n", "x\ny\n"],
    ["a:\n  host: >\n    x\u0085    y\n", "x y\n"],
  ])("%j", (text, host) => {
    expect(loadConnections(text, "yaml").entries.get("a")?.connection.host).toBe(host);
  });
});
