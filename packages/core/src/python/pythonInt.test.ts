// Expected values are CPython 3.11's int(str) answers (conformance/vectors/python.json has the full set).
import { expect, test } from "vitest";
import { pyIntOfString } from "./pythonInt.js";

test.each([
  [" 12 ", 12],
  ["+3", 3],
  ["-0", 0],
  ["1_000", 1000],
  ["٥", 5],
  ["𝟖𝟎", 80],
  ["\u00a080\u2003", 80],
  ["1__0", null],
  ["_1", null],
  ["1_", null],
  ["1.0", null],
  ["", null],
  ["0x10", null],
  ["\x1c7", null],
  ["\x857\x85", 7],
])("int(%j) = %j", (text, value) => {
  expect(pyIntOfString(text)).toBe(value);
});
