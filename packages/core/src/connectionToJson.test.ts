// Expected objects are Airflow 3.3.2's Connection.as_json() (run in conformance/.venv).
import { describe, expect, test } from "vitest";
import { connectionToJson } from "./connectionToJson.js";
import { createConnection } from "./createConnection.js";
import { parseConnectionJson } from "./parseConnectionJson.js";
import { parseConnectionUri } from "./parseConnectionUri.js";

describe("connectionToJson (Airflow's as_json shape)", () => {
  test("from a URI: empty host/schema kept, absent fields left out", () => {
    const json = connectionToJson(parseConnectionUri("aws://AKIA:s@/?region_name=eu-west-1", "x"));
    expect(JSON.stringify(json)).toBe(
      '{"conn_type":"aws","host":"","login":"AKIA","password":"s","schema":"","extra":{"region_name":"eu-west-1"}}',
    );
  });

  test("from JSON: key order, port 0 kept, empty password gone (server parser)", () => {
    const c = parseConnectionJson(
      '{"conn_type": "postgresql", "host": "H", "login": "", "password": "", "port": "0", "description": "d", "extra": "{\\"k\\": [1]}"}',
      "x",
      { parser: "server" },
    );
    expect(JSON.stringify(connectionToJson(c))).toBe(
      '{"conn_type":"postgres","description":"d","host":"H","login":"","port":0,"extra":{"k":[1]}}',
    );
  });

  test("round trip through parseConnectionJson", () => {
    const c = createConnection({
      connId: "x",
      connType: "aws",
      login: "a",
      password: "p",
      port: 1,
      extra: { t: 1 },
    });
    const back = parseConnectionJson(JSON.stringify(connectionToJson(c)), "x");
    expect({ ...back }).toEqual({ ...c });
  });

  test("the extra is a copy", () => {
    const c = createConnection({ connId: "x", extra: { a: { b: 1 } } });
    const json = connectionToJson(c);
    (json.extra as { a: { b: number } }).a.b = 2;
    expect(c.extra).toEqual({ a: { b: 1 } });
  });
});
