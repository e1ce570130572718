// Expected values are CPython 3.11's str.strip() answers (conformance/vectors/python.json has the full set).
import { expect, test } from "vitest";
import { isPythonWhitespace, pythonStrip } from "./pythonStrip.js";

test("str.strip() whitespace set", () => {
  expect(pythonStrip("\x1c\x85\u3000 a b\t\x1f")).toBe("a b");
  expect(pythonStrip("\ufeffa")).toBe("\ufeffa");
  expect(pythonStrip("\x1c\x1f \taws://h o\n\x1e")).toBe("aws://h o");
});

test("NEXT LINE is whitespace and the byte-order mark is not, unlike JavaScript's trim()", () => {
  expect(pythonStrip("\x85{}\x85")).toBe("{}");
  expect("\x85{}".trim()).toBe("\x85{}");
  expect(pythonStrip("\ufeff{}")).toBe("\ufeff{}");
  expect("\ufeff{}".trim()).toBe("{}");
  expect(isPythonWhitespace("\x85")).toBe(true);
  expect(isPythonWhitespace("\ufeff")).toBe(false);
  expect(isPythonWhitespace("  ")).toBe(false);
});

test("a value with nothing to strip is returned as is; one of only whitespace becomes empty", () => {
  expect(pythonStrip("aws://h")).toBe("aws://h");
  expect(pythonStrip(" \u2028\u2029\x0b\x0c ")).toBe("");
  expect(pythonStrip("")).toBe("");
});

test("str.strip(chars) removes only the given characters", () => {
  expect(pythonStrip("//a/b//", "/")).toBe("a/b");
  expect(pythonStrip(" a ", "")).toBe(" a ");
  expect(pythonStrip("\x1c7\x1c", " \t")).toBe("\x1c7\x1c");
});
