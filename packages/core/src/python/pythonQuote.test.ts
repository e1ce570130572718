// Expected values are CPython 3.11's urllib.parse answers.
import { describe, expect, test } from "vitest";
import { parseQsl, quote, quotePlus, unquote, urlencode } from "./pythonQuote.js";

describe("Python's urllib.parse percent-encoding", () => {
  test("quote(safe='') keeps only A-Za-z0-9_.-~ (unlike encodeURIComponent)", () => {
    expect(quote("a~b_c.d-e!*'()")).toBe("a~b_c.d-e%21%2A%27%28%29");
    expect(encodeURIComponent("!*'()")).toBe("!*'()");
    expect(quote("é 😀/+")).toBe("%C3%A9%20%F0%9F%98%80%2F%2B");
    expect(quotePlus("a b+")).toBe("a+b%2B");
  });

  test.each([
    ["caf%C3%A9%2", "café%2"],
    ["%%41", "%A"],
    ["%C3é%A9", "\ufffdé\ufffd"],
    ["a+b", "a+b"],
    ["%e2%82%ac", "€"],
    ["%F0%9F%98%80", "😀"],
    ["%EF%BB%BF", "\ufeff"],
  ])("unquote(%j) = %j", (input, expected) => {
    expect(unquote(input)).toBe(expected);
  });

  test("parse_qsl(keep_blank_values=True)", () => {
    expect(parseQsl("a=1&&b&c=x+y&d=%2B&=e&a=2")).toEqual([
      ["a", "1"],
      ["b", ""],
      ["c", "x y"],
      ["d", "+"],
      ["", "e"],
      ["a", "2"],
    ]);
  });

  test("urlencode", () => {
    expect(
      urlencode([
        ["a", "x y"],
        ["b", "&=+"],
        ["é", "~"],
      ]),
    ).toBe("a=x+y&b=%26%3D%2B&%C3%A9=~");
  });
});
