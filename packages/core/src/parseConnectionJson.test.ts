// Expected values are Airflow 3.3.2's Connection.from_json() answers (run in conformance/.venv).
import { describe, expect, test } from "vitest";
import { ConnectionFormatError, InvalidConnIdError } from "./errors.js";
import { parseConnectionJson } from "./parseConnectionJson.js";

describe("parseConnectionJson", () => {
  test("all fields, conn_type normalised, extra as an object", () => {
    const c = parseConnectionJson(
      '{"conn_type": "google-cloud", "description": "d", "host": "H", "login": "u", "password": "p", "schema": "s", "port": 5432, "extra": {"a": {"b": [1, 2.5]}}}',
      "x",
    );
    expect({ ...c }).toEqual({
      connId: "x",
      connType: "google_cloud",
      description: "d",
      host: "H",
      login: "u",
      password: "p",
      schema: "s",
      port: 5432,
      extra: { a: { b: [1, 2.5] } },
    });
  });

  test.each([
    ['{"port": "5432"}', 5432],
    ['{"port": " 12 "}', 12],
    ['{"port": "1_000"}', 1000],
    ['{"port": "٥"}', 5],
    ['{"port": 1.9}', 1],
    ['{"port": true}', 1],
    ['{"port": "0"}', 0],
  ])("port %s -> %d (Python int())", (text, port) => {
    expect(parseConnectionJson(text, "x").port).toBe(port);
  });

  test.each(['{"port": 0}', '{"port": ""}', '{"port": null}'])("port %s means no port", (text) => {
    expect(parseConnectionJson(text, "x")).not.toHaveProperty("port");
  });

  test("extra as a JSON string, empty password absent (server parser), empty login kept", () => {
    const c = parseConnectionJson('{"extra": "{\\"k\\": \\"v\\"}", "login": "", "password": ""}', "x", {
      parser: "server",
    });
    expect(c.extra).toEqual({ k: "v" });
    expect(c.login).toBe("");
    expect(c).not.toHaveProperty("password");
  });

  test("an object is accepted as well as text", () => {
    expect(parseConnectionJson({ conn_type: "aws", extra: { region_name: "eu-west-1" } }, "x")).toMatchObject(
      {
        connType: "aws",
        extra: { region_name: "eu-west-1" },
      },
    );
  });

  test("'uri' alone is parsed as a URI; the server parser keeps a description beside it", () => {
    const text = '{"uri": "aws://a:b@h:1/s?x=y", "description": "d"}';
    expect(parseConnectionJson(text, "x", { parser: "server" })).toMatchObject({
      connType: "aws",
      login: "a",
      password: "b",
      port: 1,
      description: "d",
      extra: { x: "y" },
    });
    expect(parseConnectionJson('{"uri": "aws://a:b@h:1/s?x=y"}', "x")).toMatchObject({
      connType: "aws",
      login: "a",
      password: "b",
      port: 1,
      extra: { x: "y" },
    });
  });

  test("the Task SDK parser refuses 'uri' beside any key from_json passes on, even a null one", () => {
    // Airflow 3.3.2's Task SDK: `uri is not None and kwargs` is an AirflowException; from_json drops
    // only a false-y extra, conn_type or port. The server checks the truthy fields but description.
    for (const text of [
      '{"uri": "aws://h", "description": "d"}',
      '{"uri": "aws://h", "host": null}',
      '{"uri": "aws://h", "login": ""}',
      '{"uri": "aws://h", "port": "0"}',
      '{"uri": "", "host": "h"}',
    ]) {
      expect(() => parseConnectionJson(text, "x"), text).toThrow("not both");
    }
    expect(parseConnectionJson('{"uri": "aws://h", "host": null}', "x", { parser: "server" }).host).toBe("h");
    expect(parseConnectionJson('{"uri": "", "host": "h"}', "x", { parser: "server" }).host).toBe("h");
    const dropped = '{"uri": "aws://h", "extra": {}, "conn_type": "", "port": 0}';
    expect(parseConnectionJson(dropped, "x")).toMatchObject({ connType: "aws", host: "h" });
  });

  test("the Task SDK parser parses an empty 'uri' (conn_type, host and schema ''); the server ignores it", () => {
    expect({ ...parseConnectionJson('{"uri": ""}', "x") }).toEqual({
      connId: "x",
      connType: "",
      host: "",
      schema: "",
      extra: {},
    });
    expect({ ...parseConnectionJson('{"uri": ""}', "x", { parser: "server" }) }).toEqual({
      connId: "x",
      extra: {},
    });
  });

  test.each([
    ['{"host": "h", "port": 1,}', "Expecting property name"],
    ['{"a"', "Expecting ':' delimiter"],
    ["[]", "must be an object"],
    ['"x"', "must be an object"],
    ['\ufeff{"host": "h"}', "BOM"],
    ['{"conn_id": "x"}', "must not contain `conn_id`"],
    ['{"foo": 1}', 'unknown key "foo"'],
    ['{"port": "x"}', "`port` is not an integer"],
    ['{"port": [1]}', "`port` must be a number"],
    ['{"port": 70000}', "out of range"],
    ['{"extra": "oops"}', "not valid JSON"],
    ['{"extra": [1]}', "not an object"],
    ['{"extra": "  "}', "not valid JSON"],
    ['{"conn_type": 5}', "`conn_type` must be a string"],
    ['{"uri": "x://h", "host": "h"}', "not both"],
    ['{"host": 5}', "`host` must be a string"],
  ])("%s is refused", (text, reason) => {
    expect(() => parseConnectionJson(text, "x")).toThrow(reason);
  });

  test("errors name the position or the key, never a value", () => {
    try {
      parseConnectionJson('{"password": "hunter2-secret", "port": "hunter3"', "x");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConnectionFormatError);
      expect((e as Error).message).toBe(
        `invalid connection JSON for "x": Expecting ',' delimiter: line 1 column 49 (char 48)`,
      );
    }
    expect(() => parseConnectionJson('{"password": "hunter2-secret", "port": "hunter3"}')).toThrow(
      /^invalid connection JSON: `port` is not an integer$/,
    );
  });

  test("an invalid id is refused after the data checks", () => {
    expect(() => parseConnectionJson('{"host": "h"}', "<x>")).toThrow(InvalidConnIdError);
    expect(() => parseConnectionJson('{"extra": "oops"}', "<x>")).toThrow(ConnectionFormatError);
  });
});
