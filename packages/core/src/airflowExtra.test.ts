import { describe, expect, it } from "vitest";
import { connectionToUri } from "./connectionToUri.js";
import { parseConnectionJson } from "./parseConnectionJson.js";

// The JSON codec keeps the extra's text only when the object alone would lose something; either
// way get_uri() must write what Airflow writes.
describe("the extra text of a JSON connection survives into the URI", () => {
  const uriOf = (extra: string) =>
    connectionToUri(parseConnectionJson(`{"conn_type": "x", "extra": ${extra}}`, "c"));
  const decoded = (uri: string) =>
    decodeURIComponent(uri.slice(uri.indexOf("__extra__=") + 10).replaceAll("+", " "));

  it("a plain string map goes out as query pairs", () => {
    expect(uriOf('{"b": "1", "a": "2"}')).toBe("x:///?b=1&a=2");
  });

  it("keys that an object would reorder keep their order", () => {
    expect(decoded(uriOf('{"b": 1, "2": 1, "1": 1}'))).toBe('{"b": 1, "2": 1, "1": 1}');
  });

  it("a float that reads as an int and a big int keep their form", () => {
    expect(decoded(uriOf('{"f": 1.0, "n": 12345678901234567890}'))).toBe(
      '{"f": 1.0, "n": 12345678901234567890}',
    );
  });

  it("an edited extra is written as it now is", () => {
    const c = parseConnectionJson('{"conn_type": "x", "extra": {"f": 1.0}}', "c");
    c.extra.g = "y";
    expect(decoded(connectionToUri(c))).toBe('{"f": 1, "g": "y"}');
  });
});
