import { describe, expect, test } from "vitest";
import { parseConnectionValue } from "./parseConnectionValue.js";

describe("parseConnectionValue (Airflow's deserialize_connection)", () => {
  test("a leading '{' after stripping means JSON", () => {
    expect(parseConnectionValue(' \n{"conn_type": "aws", "login": "AKIA"}\n', "x")).toMatchObject({
      connType: "aws",
      login: "AKIA",
    });
  });

  test("anything else is a URI", () => {
    expect(parseConnectionValue("aws://AKIA:s@/?region_name=eu-west-1", "x")).toMatchObject({
      connType: "aws",
      login: "AKIA",
      password: "s",
      extra: { region_name: "eu-west-1" },
    });
  });

  test("Python's str.strip() whitespace set (\\x1c-\\x1f and \\x85 too, but not U+FEFF)", () => {
    expect(parseConnectionValue('\x1c\x85\u3000{"host": "h"}\x1f', "x").host).toBe("h");
  });

  test.each(['\ufeff{"host": "h"}', "\ufeffaws://k:secret@h", " \ufeffaws://h"])(
    "a value led by a byte-order mark (%j) is refused (Airflow: conn_type '', the rest in schema)",
    (text) => {
      // U+FEFF is not stripped by Python, so Airflow parses the value as a URI without a scheme.
      expect(() => parseConnectionValue(text, "x")).toThrow(
        /invalid connection URI for "x": the value starts with a byte-order mark \(U\+FEFF\)/,
      );
      expect(() => parseConnectionValue(text, "x")).not.toThrow(/secret/);
    },
  );

  test.each(["", " \t\n "])("an empty value %j is an error", (text) => {
    expect(() => parseConnectionValue(text, "x")).toThrow(/the value is empty/);
  });
});
