import { describe, expect, it } from "vitest";
import { parseYamlText, YamlTextError } from "./parseYamlText.js";

const SECRET = "Secr3tPLANTED";

function problemOf(text: string): YamlTextError {
  try {
    parseYamlText(text);
  } catch (error) {
    if (error instanceof YamlTextError) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("YAML errors name the parser's reason and place, never the text", () => {
  it.each([
    ["unresolved tag", `x:\n  password: !${SECRET}\n`, /unresolved tag \(column 13\)/, 2],
    [
      "| block header",
      `x:\n  password: |${SECRET}\n    v\n`,
      /bad block scalar header \(.*\) \(column 14\)/,
      2,
    ],
    ["> block header", `x:\n  password: >${SECRET}\n    v\n`, /bad block scalar header/, 2],
    ["alias name", `x:\n  password: *${SECRET}\n`, /unresolved alias .* \(column 13\)/, 2],
    [
      "repeated anchor",
      `x:\n  login: &${SECRET} a\n  password: &${SECRET} b\n`,
      /an anchor defined a second time/,
      3,
    ],
    [
      "block header on a line of its own",
      `x:\n login: |+\n     v\n   |${SECRET}\n   x]\n`,
      /bad block scalar header/,
      4,
    ],
    ["plain value starting with @", `x:\n  password: @${SECRET}\n   login: y\n`, /reserved character/, 2],
    ["\\U escape", `x:\n  password: "ab\\U${SECRET}"\n`, /invalid escape sequence .* \(column 16\)/, 2],
    ["bad indentation", `x:\n  a: 1\n   b: ${SECRET}\n`, /bad indentation/, 3],
    // libyaml: "found character that cannot start any token" at the tab.
    ["tab indentation", `x:\n\tpassword: ${SECRET}\n`, /a tab where libyaml expects a token/, 2],
    ["reserved start", `x: @${SECRET}\n`, /reserved character/, 1],
    // libyaml: "did not find expected ',' or ']'" at the start of the line after the text
    // (local_filesystem_fuzz seed 21 case 216).
    ["flow sequence open at the end, no final newline", `a: ${SECRET}\nbad: [1, 2`, /bad indentation/, 3],
    ["flow mapping open at the end, no final newline", `a: {b: ${SECRET}`, /bad indentation/, 2],
    ["flow sequence open at the end, final newline", `a: 1\nbad: [${SECRET}\n`, /bad indentation/, 3],
    // PyYAML: "expected <block end>, but found '?'" at the key (local_filesystem_fuzz, seed 11 case 61).
    ["key after a sequence item's mapping", `x:\n  - host:\n  bad: ${SECRET}\n`, /bad indentation/, 3],
    // PyYAML: "expected ',' or ']', but got ':'" at the ":" (found by generate_local_filesystem_fuzz.py).
    [
      "unclosed flow sequence",
      `a: 1\nb: [1, 2\n    ${SECRET}:\n  c: x\n`,
      /implicit key spans more than one line/,
      3,
    ],
    // libyaml: "found unexpected end of stream" after a quote under a block scalar (seed 4242, 0622).
    [
      "unclosed quote under a block scalar",
      `x:\n  d: |-\n        v\n      '${SECRET}\n  b: 1\n`,
      /unclosed quoted scalar \('\) opened at line 4, column 7/,
      6,
    ],
    [
      "flow sequence key over two lines",
      `b: [1, 2\n  x\n  y: 1]\n`,
      /implicit key spans more than one line/,
      3,
    ],
  ])("%s", (_shape, text, reason, line) => {
    const error = problemOf(text);
    expect(error.reason).toMatch(reason);
    expect(error.line).toBe(line);
    expect(`${error.message} ${error.reason} ${error.stack}`).not.toContain(SECRET);
  });

  it("an unclosed quote says where it opens (line 3 of a 4-line file), at PyYAML's place", () => {
    const error = problemOf(`a: 1\nb: 2\nc: "${SECRET}\nd: 4\n`);
    expect(error.reason).toMatch(/unclosed quoted scalar \("\) opened at line 3, column 4/);
    expect(error.message).not.toContain(SECRET);
  });

  it("a quote libyaml closes on a less-indented line fails at the text after it (Airflow 3.3.2)", () => {
    // libyaml: "did not find expected key" at line 3, column 2; the package saw an unclosed quote.
    const key = problemOf(`a: aws://h\nb: '${SECRET}\n'c: aws://c\n`);
    expect([key.line, key.column]).toEqual([3, 2]);
    expect(key.reason).toMatch(/text after a quoted scalar that goes over lines/);
    expect(`${key.message} ${key.reason}`).not.toContain(SECRET);
    // A comment after the closing quote is fine, as in libyaml.
    expect(parseYamlText(`b: '${SECRET}\n' # c\nz: 1\n`).value).toEqual({ b: `${SECRET} `, z: 1 });
  });

  it("names the column as written where it read the text with continuation lines moved right", () => {
    // libyaml: "did not find expected key" at line 2, column 3 (the package read "' x" moved right).
    const error = problemOf(`bad: '${SECRET}\n' x\n`);
    expect([error.line, error.column]).toEqual([2, 3]);
    expect(problemOf("a:\n  b: 'x\n'c\n").column).toBe(2);
  });

  it("keys that are collections are not printed by the yaml package's warnings", async () => {
    const warnings: unknown[] = [];
    const listener = (w: unknown) => warnings.push(w);
    process.on("warning", listener);
    // PyYAML's safe loader refuses such a key ("found unhashable key", at the key): so does awsconn.
    let error: unknown;
    try {
      parseYamlText(`x: 1\n? [a, ${SECRET}]\n: 2\n`);
    } catch (e) {
      error = e;
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 20)); // warnings are emitted on a later tick
      process.off("warning", listener);
    }
    expect(error).toMatchObject({ line: 2, column: 3 });
    expect(String(error)).not.toContain(SECRET);
    expect(JSON.stringify(warnings.map(String))).not.toContain(SECRET);
  });
});
