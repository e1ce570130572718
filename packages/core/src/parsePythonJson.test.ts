import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonSyntaxError, scanJson } from "./scanJson.js";

function syntaxError(text: string): JsonSyntaxError {
  try {
    scanJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError);
    return error as JsonSyntaxError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe("scanJson", () => {
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
