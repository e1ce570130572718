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
    // U+FEFF is not stripped, so the value is taken as a URI (Airflow: conn_type "", the rest as schema).
    expect(parseConnectionValue('\ufeff{"host": "h"}', "x")).toMatchObject({
      connType: "",
      schema: '{"host": "h"}',
    });
  });

  test.each(["", " \t\n "])("an empty value %j is an error", (text) => {
    expect(() => parseConnectionValue(text, "x")).toThrow(/the value is empty/);
  });
});
