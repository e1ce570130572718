// Expected strings are CPython 3.11's json.loads / json.dumps answers.
import { describe, expect, test } from "vitest";
import { pyJsonLoads } from "./pythonJson.js";
import { pyTruthy } from "./pyTruthy.js";
import { pyFloatRepr } from "./pyFloatRepr.js";
import { pyFromPlain, pyJsonDumps, pyToPlain } from "./pythonJsonDumps.js";

describe("pyJsonLoads + pyJsonDumps = Python's json.dumps(json.loads(text))", () => {
  test("numbers, NaN, escapes, key order, duplicate keys", () => {
    const text =
      '{"a": 1.0, "b": -0.0, "c": 1e16, "d": 0.00001, "e": 12345678901234567890, "f": NaN, ' +
      '"g": "é😀\\u0001\\u007f\\"\\\\", "1": 2, "h": [1e15, 0.0001, 123.456e-300, -1.5e300, true, null], "a": 2.50}';
    expect(pyJsonDumps(pyJsonLoads(text))).toBe(
      '{"a": 2.5, "b": -0.0, "c": 1e+16, "d": 1e-05, "e": 12345678901234567890, "f": NaN, ' +
        '"g": "\\u00e9\\ud83d\\ude00\\u0001\\u007f\\"\\\\", "1": 2, ' +
        '"h": [1000000000000000.0, 0.0001, 1.23456e-298, -1.5e+300, true, null]}',
    );
  });

  test("-0 is the int 0; Infinity and -Infinity are floats", () => {
    expect(pyJsonDumps(pyJsonLoads("[-0, Infinity, -Infinity, 0.5]"))).toBe("[0, Infinity, -Infinity, 0.5]");
  });

  test.each([
    ["", "Expecting value: line 1 column 1 (char 0)"],
    ["01", "Extra data: line 1 column 2 (char 1)"],
    ["1.", "Extra data: line 1 column 2 (char 1)"],
    ['{"a": 1,}', "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"],
    ['["a\tb"]', "Invalid control character at: line 1 column 4 (char 3)"],
    ['["\\x"]', "Invalid \\escape: line 1 column 3 (char 2)"],
    ['["\\u12G4"]', "Invalid \\uXXXX escape: line 1 column 4 (char 3)"],
    ['\n\n  ["abc', "Unterminated string starting at: line 3 column 4 (char 5)"],
    ["\ufeff{}", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"],
  ])("%j -> %s (Python's JSONDecodeError text)", (text, message) => {
    expect(() => pyJsonLoads(text)).toThrow(message);
  });

  test("nesting is bounded, not a stack overflow", () => {
    expect(() => pyJsonLoads(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toThrow("nests too deeply");
    expect(pyToPlain(pyJsonLoads(`${"[".repeat(900)}${"]".repeat(900)}`))).toBeInstanceOf(Array);
  });

  test("a __proto__ key stays an own property", () => {
    const plain = pyToPlain(pyJsonLoads('{"__proto__": {"polluted": 1}}')) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("Python helpers", () => {
  test.each([
    [1, "1.0"],
    [0.1, "0.1"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [-2.5e-300, "-2.5e-300"],
    [123456789.125, "123456789.125"],
  ])("repr(%d) = %s", (x, repr) => {
    expect(pyFloatRepr(x)).toBe(repr);
  });

  test("truthiness follows Python", () => {
    const falsy = ["null", "false", "0", "0.0", '""', "[]", "{}"].map((t) => pyTruthy(pyJsonLoads(t)));
    const truthy = ["true", "1", "NaN", '"0"', "[0]", '{"a": null}'].map((t) => pyTruthy(pyJsonLoads(t)));
    expect(falsy.every((v) => !v)).toBe(true);
    expect(truthy.every((v) => v)).toBe(true);
  });

  test("JavaScript values: integral numbers are ints, undefined dropped, toJSON honoured", () => {
    const value = pyFromPlain({ a: 1, b: 1.5, c: undefined, d: [undefined], e: new Date(0), f: 10n });
    expect(pyJsonDumps(value)).toBe(
      '{"a": 1, "b": 1.5, "d": [null], "e": "1970-01-01T00:00:00.000Z", "f": 10}',
    );
  });
});
