// Expected strings are Airflow 3.3.2's Connection.get_uri() answers (test_connection.py::test_get_uri,
// ::test_connection_uri_recovery, and the same calls run in conformance/.venv).
import { describe, expect, test } from "vitest";
import { connectionToUri } from "./connectionToUri.js";
import { createConnection } from "./createConnection.js";
import { ConnectionFormatError } from "./errors.js";
import { parseConnectionJson } from "./parseConnectionJson.js";
import { parseConnectionUri } from "./parseConnectionUri.js";

describe("connectionToUri: Airflow's test_get_uri", () => {
  test.each([
    [
      { connType: "type", login: "user", password: "pass", host: "host", port: 100, schema: "schema" },
      "type://user:pass@host:100/schema?param1=val1&param2=val2",
    ],
    [
      { connType: "type", host: "protocol://host", port: 100, schema: "schema" },
      "type://protocol://host:100/schema?param1=val1&param2=val2",
    ],
    [
      {
        connType: "type",
        login: "user",
        password: "pass",
        host: "protocol://host",
        port: 100,
        schema: "schema",
      },
      "type://protocol://user:pass@host:100/schema?param1=val1&param2=val2",
    ],
  ])("%j", (fields, expected) => {
    const c = createConnection({ connId: "x", ...fields, extra: { param1: "val1", param2: "val2" } });
    expect(connectionToUri(c)).toBe(expected);
  });
});

describe("connectionToUri: Airflow's test_connection_uri_recovery", () => {
  test.each([
    ["http", "http://host", "http://http%3A%2F%2Fhost"],
    ["spark", "k8s://100.68.0.1:443", "spark://k8s://100.68.0.1%3A443"],
  ])("%s + %s", (connType, host, expected) => {
    const uri = connectionToUri(createConnection({ connId: "test", connType, host }));
    expect(uri).toBe(expected);
    const back = parseConnectionUri(uri, "test");
    expect([back.connType, back.host]).toEqual([connType, host]);
  });
});

describe("connectionToUri: encoding", () => {
  test("Python's quote(safe='') set, '-' in the type, port 0 left out, '+' for spaces in the query", () => {
    const c = createConnection({
      connId: "x",
      connType: "my_type",
      host: "h o/st",
      login: "a@b",
      password: "p:w/d",
      schema: "d b",
      port: 0,
      extra: { k: "v w+" },
    });
    expect(connectionToUri(c)).toBe("my-type://a%40b:p%3Aw%2Fd@h%20o%2Fst/d%20b?k=v+w%2B");
  });

  test("a port without host or login keeps its '@'", () => {
    expect(connectionToUri(createConnection({ connId: "x", connType: "aws", port: 5 }))).toBe("aws://@:5");
    expect(connectionToUri(createConnection({ connId: "x", connType: "aws", password: "p", port: 5 }))).toBe(
      "aws://:p@:5",
    );
  });

  test("an extra with non-string values goes into __extra__ as Python's json.dumps", () => {
    const c = createConnection({ connId: "x", connType: "aws", extra: { a: 1, b: [true, null] } });
    expect(connectionToUri(c)).toBe("aws:///?__extra__=%7B%22a%22%3A+1%2C+%22b%22%3A+%5Btrue%2C+null%5D%7D");
  });

  test("no type gives '//'; an empty extra adds nothing", () => {
    expect(connectionToUri(createConnection({ connId: "x", host: "h" }))).toBe("//h");
  });
});

describe("connectionToUri: Airflow's extra text is kept", () => {
  test("__extra__ is written back verbatim (compact JSON stays compact)", () => {
    const c = parseConnectionUri("aws://h?__extra__=%7B%22b%22:1,%22a%22:%7B%7D%7D&z=1", "c");
    expect(connectionToUri(c)).toBe("aws://h/?__extra__=%7B%22b%22%3A1%2C%22a%22%3A%7B%7D%7D");
  });

  test("a query without pairs ('?&') gives Airflow's '__extra__={}'", () => {
    expect(connectionToUri(parseConnectionUri("aws://h?&", "c"))).toBe("aws://h/?__extra__=%7B%7D");
  });

  test("query key order (numeric keys too) and number forms survive (server parser)", () => {
    expect(connectionToUri(parseConnectionUri("aws://h?1=a&b=c&0=d", "c"))).toBe("aws://h/?1=a&b=c&0=d");
    expect(connectionToUri(parseConnectionUri("aws://h?a=1.0", "c", { parser: "server" }))).toBe(
      "aws://h/?__extra__=%7B%22a%22%3A+1.0%7D",
    );
  });

  test("from_json (server parser): an object extra is re-encoded as json.dumps; a string extra is kept", () => {
    const c = parseConnectionJson(
      '{"conn_type": "postgresql", "host": "H", "login": "", "password": "", "port": "0", "extra": "{\\"k\\": [1]}"}',
      "x",
      { parser: "server" },
    );
    expect(connectionToUri(c)).toBe("postgres://H/?__extra__=%7B%22k%22%3A+%5B1%5D%7D");
  });

  test("once the extra is changed, the remembered text is no longer used", () => {
    const c = parseConnectionUri("aws://h?__extra__=%7B%22b%22:1%7D", "c");
    c.extra.x = "y";
    expect(connectionToUri(c)).toBe("aws://h/?__extra__=%7B%22b%22%3A+1%2C+%22x%22%3A+%22y%22%7D");
  });
});

describe("connectionToUri: where Airflow's get_uri() raises", () => {
  test("a lone UTF-16 surrogate cannot be UTF-8 encoded (Python: UnicodeEncodeError)", () => {
    // Airflow's server parser reads ?a="\ud800" (a JSON string) fine, but get_uri() raises; so does
    // connectionToUri.
    const c = parseConnectionUri("aws://h?b=%203&a=%22%5Cud800%22", "c", { parser: "server" });
    expect(c.extra).toEqual({ b: 3, a: "\ud800" });
    expect(() => connectionToUri(c)).toThrow(ConnectionFormatError);
    expect(() => connectionToUri(createConnection({ connId: "x", login: "a\udc00" }))).toThrow(
      /lone UTF-16 surrogate/,
    );
  });
});
