import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConnectionFormatError } from "./errors.js";
import { parsePythonJson } from "./parsePythonJson.js";

/** The line-recording mode, as `@awsconn/source-file` reads a `.json` connections file. */
function scanJson(text: string) {
  const { value, lines } = parsePythonJson(text, { lines: true });
  return { value, tree: lines };
}

function syntaxError(text: string): ConnectionFormatError {
  try {
    scanJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionFormatError);
    return error as ConnectionFormatError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe("parsePythonJson with lines (moved from source-file's scanJson)", () => {
  it("reads what JSON.parse reads, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(scanJson(text).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("gives each key the line it is on", () => {
    const text = '{\n  "a": "x",\n\n  "b": {\n    "c": 1,\n    "d": [\n      {"e": 2}\n    ]\n  }\n}';
    const { tree } = scanJson(text);
    expect(tree.fields?.get("a")?.line).toBe(2);
    expect(tree.fields?.get("b")?.line).toBe(4);
    expect(tree.fields?.get("b")?.fields?.get("c")?.line).toBe(5);
    expect(tree.fields?.get("b")?.fields?.get("d")?.items?.[0]?.line).toBe(7);
  });

  it("keeps the first place and the last value of a repeated key, as a Python dict", () => {
    const { value, tree } = scanJson('{"a": 1,\n"b": 3,\n"a": 2}');
    expect(value).toEqual({ a: 2, b: 3 });
    expect(Object.keys(value as object)).toEqual(["a", "b"]);
    expect([...(tree.fields?.keys() ?? [])]).toEqual(["a", "b"]);
  });

  it("accepts Python's NaN and Infinity literals and keeps __proto__ a plain key", () => {
    expect(scanJson('{"a": NaN, "b": -Infinity, "c": Infinity}').value).toEqual({
      a: Number.NaN,
      b: Number.NEGATIVE_INFINITY,
      c: Number.POSITIVE_INFINITY,
    });
    const value = scanJson('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });

  // Messages and lines as Python 3.11's json.loads reports them (JSONDecodeError.msg, .lineno).
  it.each([
    ['{"a": 1\n"b": 2}', "Expecting ',' delimiter", 2],
    ['{"a": 1,\n}', "Expecting property name enclosed in double quotes", 2],
    ["[1,\n]", "Expecting value", 2],
    ['{\n"a":\n}', "Expecting value", 3],
    ['{"a" 1}', "Expecting ':' delimiter", 1],
    ['{"a": "x\ny"}', "Invalid control character at", 1],
    ['{"a": "\\q"}', "Invalid \\escape", 1],
    ['{"a": "abc', "Unterminated string starting at", 1],
    ["{} x", "Extra data", 1],
    ["\ufeff{}", "Unexpected UTF-8 BOM (decode using utf-8-sig)", 1],
    ['{"a": 01}', "Expecting ',' delimiter", 1],
    ['{"a": [1 2]}', "Expecting ',' delimiter", 1],
    ["{\n\n  a: 1}", "Expecting property name enclosed in double quotes", 3],
    ["  ", "Expecting value", 1],
    ['{"a": "\\u12"}', "Invalid \\uXXXX escape", 1],
    ["nul", "Expecting value", 1],
  ])("refuses %j with Python's message and line", (text, reason, line) => {
    const error = syntaxError(text);
    expect(error.reason).toBe(reason);
    expect(error.line).toBe(line);
  });

  it("never quotes the text in an error", () => {
    const error = syntaxError('{"password": "hunter2-secret" "x"}');
    expect(error.message).not.toContain("hunter2");
  });
});

describe("parsePythonJson", () => {
  it("gives a repeated key the line of its last occurrence, as its value", () => {
    const { value, lines } = parsePythonJson('{"a": 1,\n"b": 3,\n"a": {"c": 2}}', { lines: true });
    expect(value).toEqual({ a: { c: 2 }, b: 3 });
    expect(lines.fields?.get("a")?.line).toBe(3);
    expect(lines.fields?.get("a")?.fields?.get("c")?.line).toBe(3);
  });

  it("puts the top value and each array item on its own line", () => {
    const { lines } = parsePythonJson('\n\n[1,\n  "x",\n\n  {"k":\n[]}]', { lines: true });
    expect(lines.line).toBe(3);
    expect(lines.items?.map((item) => item.line)).toEqual([3, 4, 6]);
    expect(lines.items?.[2]?.fields?.get("k")?.line).toBe(6);
    expect(lines.items?.[2]?.fields?.get("k")?.items).toEqual([]);
  });

  it("records no lines unless asked, and reads the same value either way", () => {
    const text = '{"n": 12, "f": 1.5, "s": "\\u00e9", "l": [null, true, -Infinity]}';
    const plain = parsePythonJson(text);
    expect(plain.lines).toBeUndefined();
    expect(plain.value).toEqual(parsePythonJson(text, { lines: true }).value);
    expect(plain.value).toEqual({ n: 12, f: 1.5, s: "é", l: [null, true, Number.NEGATIVE_INFINITY] });
  });

  it("names the origin and line in the message, never the text", () => {
    const error = (() => {
      try {
        parsePythonJson('{\n"password": "s3cret-value" 1}', { origin: "file:conns.json" });
      } catch (e) {
        return e as ConnectionFormatError;
      }
    })();
    expect(error?.message).toBe("file:conns.json:2: Expecting ',' delimiter");
    expect(error?.origin).toBe("file:conns.json");
    expect(error?.message).not.toContain("s3cret");
  });

  it("bounds nesting at 980 levels with a RangeError, not a stack overflow", () => {
    const nested = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(parsePythonJson(nested(980), { lines: true }).value).toBeInstanceOf(Array);
    expect(() => parsePythonJson(nested(981), { lines: true })).toThrow(RangeError);
    expect(() => parsePythonJson(nested(200_000))).toThrow(RangeError);
  });
});
