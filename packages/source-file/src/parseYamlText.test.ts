import { describe, expect, it } from "vitest";
import { yamlError } from "../test/yamlError.js";
import { parseYamlText } from "./parseYamlText.js";

describe("parseYamlText", () => {
  it("reads YAML 1.1 like PyYAML: yes/no booleans, octal, merge keys, last repeated key wins", () => {
    const { value } = parseYamlText("a: yes\nb: 0755\nbase: &b {x: 1}\nc:\n  <<: *b\n  y: 2\nd: 1\nd: 2\n");
    expect(value).toEqual({ a: true, b: 493, base: { x: 1 }, c: { x: 1, y: 2 }, d: 2 });
  });

  it("resolves plain scalars to PyYAML's types", () => {
    const text =
      "y: n\nY: N\no: off\na: 08\nb: 010\nc: 1e3\nd: 1.0e+3\ne: .5\nf: -.5\ng: .\nh: 1_000\ni: 1.5\nj: 0x1F\n";
    // yaml.safe_load of the same text (PyYAML 6.0.3):
    // {'y': 'n', 'Y': 'N', 'o': False, 'a': '08', 'b': 8, 'c': '1e3', 'd': 1000.0, 'e': 0.5, 'f': '-.5', 'g': '.', 'h': 1000, 'i': 1.5, 'j': 31}
    expect(parseYamlText(text).value).toEqual({
      y: "n",
      Y: "N",
      o: false,
      a: "08",
      b: 8,
      c: "1e3",
      d: 1000,
      e: 0.5,
      f: "-.5",
      g: ".",
      h: 1000,
      i: 1.5,
      j: 31,
    });
  });

  it("folds a quoted scalar continued at column 0 after a block scalar in a list item, as libyaml does", () => {
    // yaml.load(text, Loader=yaml.CSafeLoader) (PyYAML 6.0.3): {'a': [{'s': 'x\n', 'k': 'y z'}]} and
    // {'a': ['x\n', 'y z']}: the block scalar ends at its key's column (4), not at the line's indent (2).
    expect(parseYamlText('a:\n  - s: |\n      x\n    k: "y\nz"\n').value).toEqual({
      a: [{ s: "x\n", k: "y z" }],
    });
    expect(parseYamlText('a:\n  - |\n    x\n  - "y\nz"\n').value).toEqual({ a: ["x\n", "y z"] });
  });

  it("gives the line of each key down to connection fields, and of list items", () => {
    const { tree } = parseYamlText("# c\na: x\n\nb:\n  - conn_type: aws\n    host: h\n");
    expect(tree.fields?.get("a")?.line).toBe(2);
    expect(tree.fields?.get("b")?.line).toBe(4);
    expect(tree.fields?.get("b")?.items?.[0]?.fields?.get("host")?.line).toBe(6);
  });

  // Lines as PyYAML 6.0.3's safe_load reports them (problem_mark.line + 1).
  it.each([
    ["a: aws://h\nb:\n  conn_type: aws\n   host: x\n", 4],
    ["a: aws://h\nb: 'unterminated\nc: aws://c\n", 4],
    ["a:\n\tconn_type: aws\n", 2],
    ["a:\n  password: x\n b: [unclosed\n", 3],
    ["a: [1, 2\nb: 3\n", 2],
    ["a: {x: 1\n", 2],
    ["a:\n  - x\n  y: 1\n", 3],
    ["a: b: c\n", 1],
    ["a: 1\n- b\n", 2],
    ['key: "abc\n\ndef\nx: 1\n', 5],
    ["a:\n  b: 1\n c: 2\n", 3],
    ["a: x\n  b: y\n", 2],
    ["a: &x 1\nb: *y\n", 2],
    ["a: 1\n---\nb: 2\n", 2],
    ["a: 'x'y\n", 1],
    ["[a\n", 2],
    ["a: @x\n", 1],
    ["a:\n  b: c\n  - d\n", 3],
    ["a: !!python/object:os.system x\n", 1],
    ["a: x\nb: !custom y\n", 2],
    // libyaml stops at the first problem in stream order: its composer refuses an undefined alias
    // as soon as it is parsed, before a syntax problem further on is scanned.
    ["a: *x\n: y\n", 1],
    ["a: *x\n\n\nb:\n\t- c\n", 1],
    ["a:\n  - *x\nb: [a\n: 1]\n", 2],
    [": y\na: *x\n", 1],
    // libyaml's "did not find expected key" is at the misplaced line, past the comment lines before it.
    ["a: x\nb: n\n#c\n  .inf\n", 4],
    ["a: x\n# c\n\n  y: 1\n", 4],
    ["a:\n  b: 1\n  #c\n    y\n", 4],
    // A plain scalar in a flow collection left open goes on over lines up to a ":", where libyaml
    // fails ("did not find expected ',' or '}'").
    ["a: {\nt: on\nb: 1e3\nc: 0\n", 3],
    ["a: {t: on\nb\nc: 1\n", 3],
    ["a: [\nb\nc: 1\n", 3],
    ["x: [a,\n  b\n  c: 1]\n", 3],
    ['"n": {\ns: aws://h:1/db\nf: -7\nw: |\n  no\n', 3],
    // libyaml's anchor and alias names are ASCII letters, digits, _ and -, ended by a blank or one of ?:,]}.
    ['a: &x"\n  c: 1\n', 1],
    ["a: 1\nb: &\u65e5 2\n", 2],
    ["a: &v 1\nb: [*v!]\n", 2],
    ["a: &x@ 1\n", 1],
  ])("refuses %j at PyYAML's line %i", (text, line) => {
    expect(yamlError(text).line).toBe(line);
  });

  it("accepts a file where 500 connections merge one anchor", () => {
    let text = "defaults: &d\n  conn_type: aws\n  extra: {region_name: eu-west-1}\n";
    for (let i = 0; i < 500; i++) text += `c${i}:\n  <<: *d\n  login: k${i}\n`;
    const value = parseYamlText(text).value as Record<string, { login: string; conn_type: string }>;
    expect(Object.keys(value)).toHaveLength(501);
    expect(value.c499).toMatchObject({ conn_type: "aws", login: "k499" });
  });

  it("refuses alias expansion beyond the limit", () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 6; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? "*a" : `*l${i - 1}`)
          .join(",")}]`,
      );
    expect(yamlError(levels.join("\n")).reason).toMatch(/alias expansion exceeds/);
  });
});
