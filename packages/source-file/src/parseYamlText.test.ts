import { describe, expect, it } from "vitest";
import { yamlError } from "../test/yamlError.js";
import { parseYamlText } from "./parseYamlText.js";

describe("parseYamlText", () => {
  it("reads YAML 1.1 like PyYAML: yes/no booleans, octal, merge keys, last repeated key wins", () => {
    const { value } = parseYamlText("a: yes\nb: 0755\nbase: &b {x: 1}\nc:\n  <<: *b\n  y: 2\nd: 1\nd: 2\n");
    expect(value).toEqual({ a: true, b: 493, base: { x: 1 }, c: { x: 1, y: 2 }, d: 2 });
  });

  it("reads YAML 1.1 types under a %YAML 1.2 directive, after a byte order mark too, as PyYAML does", () => {
    // yaml.safe_load: {'a': 80, 'b': True} for both (seed 5656 of the YAML fuzz, case 0361, had the
    // strings '1:20' and 'yes' after a byte order mark).
    expect(parseYamlText("%YAML 1.2\n---\na: 1:20\nb: yes\n").value).toEqual({ a: 80, b: true });
    expect(parseYamlText("\ufeff%YAML 1.2\r\n---\r\na: 1:20\r\nb: yes\r\n").value).toEqual({
      a: 80,
      b: true,
    });
  });

  it("reads a byte order mark at a line's start as libyaml does: one column, then the next token", () => {
    // yaml.safe_load: {'a': {'b': 1, 'c': 2}}; "did not find expected key" at line 2 and at line 3
    // (seed 6767 of the YAML fuzz, case 0554, where awsconn read a key starting with the mark).
    expect(parseYamlText("a:\n b: 1\n\ufeffc: 2\n").value).toEqual({ a: { b: 1, c: 2 } });
    expect(yamlError("a: 1\n\ufeffb: 2\n")).toMatchObject({ line: 2, column: 2 });
    expect(yamlError("a: [\nb: 1\n\ufeff c: 2\n").line).toBe(3);
    // A problem before it is the one reported.
    expect(yamlError("a: 1\nb: &x 2\nc: &x 3\n\ufeffd: 4\n").line).toBe(3);
  });

  it("ends a block scalar at a line-start byte order mark, and reads quote lines around one, as libyaml does", () => {
    // yaml.safe_load: {'a': {'b': 'x\n', 'c': 1}} (awsconn made "\ufeff c" a top-level key);
    // "did not find expected key" at line 3; {'a': {'b': 'x y'}}; {'a': {'b': 'x \ufeff y'}}.
    expect(parseYamlText("a:\n  b: |\n    x\n\ufeff c: 1\n").value).toEqual({ a: { b: "x\n", c: 1 } });
    expect(yamlError("a: |\n  x\n\ufeff y\n")).toMatchObject({ line: 3, column: 3 });
    expect(parseYamlText('a:\n  b: "x\ny"\n\ufeff\n').value).toEqual({ a: { b: "x y" } });
    expect(parseYamlText('a:\n  b: "x\n\ufeff\n    y"\n').value).toEqual({ a: { b: "x \ufeff y" } });
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

  // Each answer below is PyYAML 6.0.3's (yaml.load(text, Loader=yaml.CSafeLoader), Airflow's loader).
  it("refuses an anchor given twice (PyYAML: found duplicate anchor), at the second, in stream order", () => {
    expect(yamlError("a: &x 1\nb: &x 2\n").line).toBe(2);
    expect(yamlError("&k z: postgres://h\n-dash: x\n&k pg: n\n").line).toBe(3);
    // The composer meets it before a syntax error further down.
    expect(yamlError("a: &x 1\nb: &x 2\nc: [\n").line).toBe(2);
    expect(parseYamlText("a: &x 1\nb: *x\nc: *x\n").value).toEqual({ a: 1, b: 1, c: 1 });
  });

  it("reports a plain value starting with @ or ` where libyaml's scanner does, before a deeper line", () => {
    // PyYAML: "found character that cannot start any token" at line 2 (and 1), column 4.
    expect(yamlError("a: 1\nk: @x\n login: y\n").line).toBe(2);
    expect(yamlError("k: `x\n login: y\n").line).toBe(1);
  });

  it("refuses a line indented between an explicit key's ? and its mapping, at that line", () => {
    // PyYAML: "did not find expected key" at line 2, column 2; deeper, the key is a mapping
    // ("found unhashable key" on line 1).
    expect(yamlError("? k:\n description: x\n host: y\n").line).toBe(2);
    expect(yamlError("? k:\n  description: x\n").line).toBe(1);
    expect(parseYamlText("? a\n: b\n").value).toEqual({ a: "b" });
  });

  it("refuses text after a block scalar indicator where libyaml does, a line of its own included", () => {
    // PyYAML: "did not find expected comment or line break" (line 4, 1, 2), "found an indentation
    // indicator equal to 0" (line 1); the valid headers read as PyYAML reads them.
    expect(yamlError("a:\n login: |+\n     x\n   |x\n   x]\n").line).toBe(4);
    expect(yamlError("a: |x\n").line).toBe(1);
    expect(yamlError("a:\n  |x\n").line).toBe(2);
    expect(yamlError("a: |0\n  x\n").line).toBe(1);
    expect(parseYamlText('a: |2-\n   x\nb: >+1 # c\n  y\nc: |-  \n  z\nd: "|x"\n').value).toEqual({
      a: " x",
      b: " y\n",
      c: "z",
      d: "|x",
    });
  });

  it("scans a quoted scalar under a block scalar, indented less than its text, to its end as libyaml does", () => {
    // libyaml 0.2.5 (CSafeLoader): "found unexpected end of stream" at line 6 (line 5 without the
    // final newline), "found unexpected document indicator" at line 5; closed, "did not find
    // expected key" at the quote (line 4). Seed 4242 of the YAML fuzz, case 0622, reported line 6 of 23.
    const head = "a:\n  d: |-\n        x\n      ";
    expect(yamlError(`${head}'q\n  b: 1\n`).line).toBe(6);
    expect(yamlError(`${head}'q\n  b: 1`).line).toBe(5);
    expect(yamlError(`${head}'q\n---\n  b: 1\n`).line).toBe(5);
    expect(yamlError(`${head}"q\\"\n  b: 1\n`).line).toBe(6);
    expect(yamlError(`${head}'q'\n  b: 1\n`).line).toBe(4);
    expect(yamlError(`${head}'it''s'\n  b: 1\n`).line).toBe(4);
  });

  it("refuses a tag it cannot construct after a !!null scalar too", () => {
    // (A tag after `!!null` was once taken for the null scalar's own and dropped.)
    expect(yamlError("a:\n  schema: !!null 0b101\nb:\n  password: !!python/str [1]\n").line).toBe(4);
    expect(parseYamlText("a: !!null 0b101\nb: !!null\n").value).toEqual({ a: null, b: null });
  });

  it("meets a collection tag on the wrong kind of node one level later, as PyYAML's generators do", () => {
    // {'b': !!map ON} fails only once the next level is constructed: c's tag at the same level first.
    expect(yamlError("a:\n  b: !!map ON\n  c: !!python/str x\n").line).toBe(3);
    expect(yamlError("a:\n  b: !!map ON\n  c:\n    d: !!python/str x\n").line).toBe(2);
    expect(yamlError("a:\n  b: !!seq {x: 1}\n  c: !custom y\n").line).toBe(3);
  });

  it("reads ints as Python ints: no negative zero, and a sexagesimal int starts with 1-9", () => {
    const { value } = parseYamlText(
      "{r: -0, f: -0.0, o: -0o0, h: -0x0, b: -0b0, s: -0_0, c: -0:0, d: 0:30, e: 1:30, g: -1:30, i: 0:30.5, j: -0:0.0, k: +0, l: 190:20:30, t: !!int -1:0, u: !!int -0, v: !!float -0:0}\n",
    ) as { value: Record<string, unknown> };
    // {'r': 0, 'f': -0.0, 'o': '-0o0', 'h': 0, 'b': 0, 's': 0, 'c': '-0:0', 'd': '0:30', 'e': 90, 'g': -90, 'i': 30.5, 'j': -0.0, 'k': 0, 'l': 685230, 't': -60, 'u': 0, 'v': -0.0}
    expect(value).toEqual({
      r: 0,
      f: -0,
      o: "-0o0",
      h: 0,
      b: 0,
      s: 0,
      c: "-0:0",
      d: "0:30",
      e: 90,
      g: -90,
      i: 30.5,
      j: -0,
      k: 0,
      l: 685230,
      t: -60,
      u: 0,
      v: -0,
    });
    for (const key of ["r", "h", "b", "s", "k", "u"]) expect(Object.is(value[key], -0), key).toBe(false);
    expect(Object.is(value.f, -0)).toBe(true);
    // PyYAML reads `!!int 0:30` as octal and raises (ValueError); 0X1F is no hex to it either.
    expect(yamlError("a: !!int 0:30\n").line).toBe(1);
    expect(yamlError("a: !!int 0X1F\n").line).toBe(1);
    expect(parseYamlText("a: !!int 0x1F\nb: !!int 0o17\nc: !!int 017\n").value).toEqual({
      a: 31,
      b: 15,
      c: 15,
    });
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
  it("reports a directive without a document start after it where libyaml does, before a later problem", () => {
    // PyYAML: "did not find expected <document start>" at line 2, column 1 (seed 4545 of the YAML fuzz,
    // case 0684, where awsconn reported the unclosed flow sequence's line 3).
    expect(yamlError("%YAML 1.2\nbad: [1, 2\n---\na: 1\n")).toMatchObject({ line: 2, column: 1 });
    expect(yamlError("%YAML 1.1\na: 1\nb: [\n").line).toBe(2);
  });

  it("reports a scanner problem libyaml meets before its parser fails, not the package's later one", () => {
    // PyYAML: "did not find expected comment or line break" at the x (line 4, column 6), where the
    // package sees a key over two lines a line on (seed 4545, cases 0031 and 1063).
    expect(yamlError("a:\n  p: >\n      y\n    >x\n  c: 1\n")).toMatchObject({ line: 4, column: 6 });
    expect(yamlError("a:\n  login: |\n\n      %\n    >x\n  host: h\n").line).toBe(5);
    // "found a tab character that violates indentation" (line 6, column 2) in the blanks after a
    // plain scalar over lines, which libyaml reads before it fails at that scalar (case 1048).
    expect(yamlError("a:\n  b: >2+\n   less\n\n    ?x\n \t# c\nc: 1\n")).toMatchObject({
      line: 6,
      column: 2,
    });
    // "found character that cannot start any token" at the backquote (line 4, column 7): libyaml reads
    // the token after a tag where the package reports the tag's bad indentation (seed 5656, case 1136).
    expect(yamlError("a:\n  h: |-\n        [x\n      !x\n      `x\n").line).toBe(5);
  });

  it("skips tabs after an anchor or a tag on its line, as libyaml does, and refuses one starting the next", () => {
    // PyYAML: {'a': 1} for '&x\t1'; "found character that cannot start any token" at line 3,
    // column 1 (seed 6767 of the YAML fuzz, case 0055, where awsconn refused the tab after the anchor).
    expect(parseYamlText("a: &x\t1\n").value).toEqual({ a: 1 });
    expect(yamlError("a:\n  b: &x \t\n\tx\n")).toMatchObject({ line: 3, column: 1 });
  });

  it("fails at a tag or anchor alone on a line after a block scalar, as libyaml's parser does", () => {
    // PyYAML: "did not find expected key" at line 4, column 4 (seed 7878 of the YAML fuzz, cases
    // 0326 and 0588, where awsconn reported the key below as spanning lines).
    expect(yamlError("z:\n c: |-\n     t\n   &x\n port: 1\n")).toMatchObject({ line: 4, column: 4 });
    expect(yamlError("z:\n c: |-\n     t\n   !x # c\n\n port: 1\n").line).toBe(4);
  });

  it("refuses a value starting with % past a line's first column, where libyaml's scanner does", () => {
    // PyYAML: "found character that cannot start any token" at line 1, column 4; at line 5, column 4,
    // read after a tag that could still be a key (seed 7878, case 0793).
    expect(yamlError("a: %x\n")).toMatchObject({ line: 1, column: 4 });
    expect(yamlError("z:\n c: |-\n     t\n   !x\n   %x\n port: 1\n")).toMatchObject({ line: 5, column: 4 });
  });

  it("places an item without its - where libyaml does, at the item past blank lines", () => {
    // PyYAML: "did not find expected '-' indicator" at line 4, column 4 (seed 6767, case 1172).
    expect(yamlError("a:\n  - b: 1\n   \n   0x1F\n")).toMatchObject({ line: 4, column: 4 });
  });

  it("judges a tab after a plain scalar against the open block around it, as libyaml does", () => {
    // PyYAML reads {'a': 'b'} and 'x'; a tab left of that block is refused (line 3, 4, column 1, 5).
    expect(parseYamlText("a:\n  b\n \t# c\n").value).toEqual({ a: "b" });
    expect(parseYamlText("x\n\t# c\n").value).toBe("x");
    expect(yamlError("a:\n  b\n\t# c\n").line).toBe(3);
    expect(yamlError("x:\n  - c: | # c\n      %x\n     less\n    \t# tab\n")).toMatchObject({
      line: 5,
      column: 5,
    });
    // At the block's column, the parser's "did not find expected key" at the scalar (line 4).
    expect(yamlError("x:\n  - c: | # c\n      %x\n     less\n     \t# tab\n").line).toBe(4);
  });
});
