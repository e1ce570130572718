import { describe, expect, it } from "vitest";
import { loadConnections } from "./loadConnections.js";
import { yamlError } from "../test/yamlError.js";
import { parseYamlText } from "./parseYamlText.js";

// Outcomes of Airflow 3.3.2's load_connections_dict on the same texts (yaml.safe_load, PyYAML 6.0.4's
// CSafeLoader, libyaml; lines as problem_mark.line + 1). Found by the local_filesystem_yaml_fuzz round.

describe("where PyYAML stops, as it reads", () => {
  it.each([
    // 'found a tab character that violates indentation' (after a plain scalar)
    ["a: 1\n\t# c\n", 2],
    // "did not find expected ',' or ']'" at the token after the comment that ends "2 -.inf" (seed 3131, 0586)
    ["bad: [1, 2\n    -.inf\n    # c\n    extra: [k: 1]]\n", 4],
    // 'found character that cannot start any token' (the "%"): libyaml's parser fails at the alias
    // after the block scalar, so it never composes it, and its scanner has read on (seed 7777, 0611)
    ["a:\n    host: |\n        x\n      *x\n      %x\n", 5],
    // 'found character that cannot start any token' (a tab where a token starts)
    ['a: "q"\n \t# c\n', 2],
    ["- \tx\n", 1],
    // 'found unknown directive name', 'found incompatible YAML document'
    ["%FOO bar\n---\na: aws://h\n", 1],
    ["%YAML 1.3\n---\na: aws://h\n", 1],
    // 'unacceptable character #x0007' (the reader, before any parsing)
    ["a: aws://h\u0007\n", 1],
    // "could not find expected ':'" at the next token after the key, past blank lines
    ["a: 1\nz\n\n\nb: 2\n", 5],
    // construction goes level by level: the top level's !custom before the nested !!python/str
    ["a:\n  extra: {y: !!python/str z}\nb: !custom x\n", 3],
    // a merge of a scalar is reported where that scalar is (the anchor), not at the alias
    ["d: &d 1\nc:\n  <<: *d\n", 1],
    // 'failed to decode base64 data: Incorrect padding'; a plain << is the merge type
    ["a:\n  extra: {y: !!binary 08}\n", 2],
    ["a:\n  host: <<\n", 2],
  ])("%j fails at line %i", (text, line) => {
    expect(yamlError(text).line).toBe(line);
  });

  it("accepts a tab that does not reach into the block's indentation", () => {
    expect(() => parseYamlText("a:\n  b: x\n   \t# c\n")).not.toThrow();
  });

  it("refuses an !!int that Python's int() refuses (ValueError: invalid literal for int() with base 8)", () => {
    expect(yamlError("a:\n  extra: {a: !!int 08}\n").line).toBe(2);
  });
});

describe("values as PyYAML constructs them", () => {
  it("reads explicit !!float / !!int texts, ! and !!null as PyYAML does", () => {
    const text = "a:\n  extra: {a: !!float 1__0, b: !!int 012, c: !!float 1:30, d: ! ~, e: !!null x}\n";
    expect(loadConnections(text, "yaml").entries.get("a")?.connection.extra).toEqual({
      a: 10,
      b: 10,
      c: 90,
      d: null,
      e: null,
    });
  });

  it("keeps YAML 1.1 types under %YAML 1.2 (PyYAML's resolver has no other)", () => {
    const text = "%YAML 1.2\n---\na:\n  extra: {x: yes}\n";
    expect(loadConnections(text, "yaml").entries.get("a")?.connection.extra).toEqual({ x: true });
  });

  it('writes a null key of an extra as "null", as json.dumps does', () => {
    const text = "a:\n  extra: {? , b: 1}\n";
    expect(loadConnections(text, "yaml").entries.get("a")?.connection.extra).toEqual({ null: null, b: 1 });
  });

  it("gives a tag on an empty value to that value, not to the key on the next line", () => {
    // PyYAML: "could not determine a constructor for the tag 'tag:yaml.org,2002:merge'" at line 3
    // (the !!seq of the empty value is a generator, checked a level later); fuzz seed 7878, case 0186.
    expect(yamlError("x:\n    login:  !!seq \n    extra: <<\n")).toMatchObject({ line: 3, column: 12 });
  });

  it("reports a bad block scalar header libyaml scans while a key is still open", () => {
    // PyYAML: "did not find expected comment or line break" at (5, 6), not the parser's (4, 5).
    expect(yamlError("a:\n  b: |\n      h\n    c # k\n    >x\n")).toMatchObject({ line: 5, column: 6 });
  });
});
