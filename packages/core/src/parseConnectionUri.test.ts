// Expected values are Airflow 3.3.2's own answers: the rows of airflow-core
// tests/unit/models/test_connection.py::test_parse_from_uri, plus edge cases run through
// Connection(uri=...) in conformance/.venv.
import { describe, expect, test } from "vitest";
import { ConnectionFormatError, InvalidConnIdError } from "./errors.js";
import { connectionToUri } from "./connectionToUri.js";
import { parseConnectionUri } from "./parseConnectionUri.js";

describe("parseConnectionUri: Airflow's test_parse_from_uri table", () => {
  test.each([
    ["type://user:pass@host:100/schema", "type", "host", "user", "pass", 100, "schema", {}],
    ["type://user:pass@host/schema", "type", "host", "user", "pass", undefined, "schema", {}],
    [
      "type://user:pass@host/schema?param1=val1&param2=val2",
      "type",
      "host",
      "user",
      "pass",
      undefined,
      "schema",
      { param1: "val1", param2: "val2" },
    ],
    ["type://host", "type", "host", undefined, undefined, undefined, "", {}],
    [
      "spark://mysparkcluster.com:80?deploy-mode=cluster&spark_binary=command&namespace=kube+namespace",
      "spark",
      "mysparkcluster.com",
      undefined,
      undefined,
      80,
      "",
      { "deploy-mode": "cluster", spark_binary: "command", namespace: "kube namespace" },
    ],
    [
      "spark://k8s://100.68.0.1:443?deploy-mode=cluster",
      "spark",
      "k8s://100.68.0.1",
      undefined,
      undefined,
      443,
      "",
      { "deploy-mode": "cluster" },
    ],
    [
      "type://protocol://user:pass@host:123?param=value",
      "type",
      "protocol://host",
      "user",
      "pass",
      123,
      "",
      { param: "value" },
    ],
  ])("%s", (uri, connType, host, login, password, port, schema, extra) => {
    const c = parseConnectionUri(uri, "test_conn");
    expect([c.connType, c.host, c.login, c.password, c.port, c.schema, c.extra]).toEqual([
      connType,
      host,
      login,
      password,
      port,
      schema,
      extra,
    ]);
  });

  test("a login before the host's own protocol is refused", () => {
    expect(() => parseConnectionUri("type://user:pass@protocol://host:port?param=value")).toThrow(
      ConnectionFormatError,
    );
  });
});

describe("parseConnectionUri: parity details", () => {
  test.each([
    ["aws://@h", { login: "", host: "h" }],
    ["aws://user:@h", { login: "user" }],
    ["aws://:pw@h", { login: "", password: "pw" }],
    ["aws://h:00080", { port: 80 }],
    ["aws://h:0", { port: 0 }],
    ["AWS://H", { connType: "aws", host: "h" }],
    ["postgresql://u:p@h/db", { connType: "postgres", schema: "db" }],
    ["google-cloud-platform://", { connType: "google_cloud_platform", host: "" }],
    ["http://https://Example.COM", { host: "https://example.com" }],
    ["spark://k8s%3a%2F%2F100.68.0.1:443", { host: "k8s://100.68.0.1", port: 443 }],
    ["aws://h%2Fx:80", { host: "h/x", port: 80 }],
    ["aws://u:p@H%2FX:80/s", { host: "H/X", login: "u", schema: "s" }],
    ["aws://[fe80::1%25eth0]", { host: "fe80::1%eth0" }],
    ["aws://[FE80::A%zZ]", { host: "fe80::a%zZ" }],
    ["aws://ΣΑΣ", { host: "σας" }],
    ["aws://h//s", { schema: "/s" }],
    ["aws://h#frag?x=y", { extra: {} }],
    ["host:5432", { connType: "host", host: "", schema: "432" }],
    // Airflow drops path[0], one code point: all of an astral character, not half of it.
    ["a://\u{1f600})J://Ou@h", { connType: "a", host: "", schema: ")J://Ou@h" }],
    ["a://\u{1f600}\u{1f600}x://h", { schema: "\u{1f600}x://h" }],
    ["\u{1f600}x", { connType: "", schema: "x" }],
    ["aws://h?a=1&a=2", { extra: { a: 2 } }],
    ["aws://h?a+b=c+d&e=%2B&f", { extra: { "a b": "c d", e: "+", f: "" } }],
    ["aws://h?a=true&b=null&c=%22s%22&d=01", { extra: { a: true, b: null, c: "s", d: "01" } }],
    ["aws://h?a=%C3", { extra: { a: "\ufffd" } }],
    ["aws://h?a=%ED%A0%80", { extra: { a: "\ufffd\ufffd\ufffd" } }],
    ["aws://h?a=%EF%BB%BFx", { extra: { a: "\ufeffx" } }],
    ["aws://h?a=1e400&b=NaN", { extra: { a: Number.POSITIVE_INFINITY, b: Number.NaN } }],
    ["aws://h?__extra__=%7B%22a%22%3A+%7B%22b%22%3A+%5B1%5D%7D%7D&z=1", { extra: { a: { b: [1] } } }],
    ["aws://h?__extra__=", { extra: {} }],
    ["aws://h?&", { extra: {} }],
    [" \t aws://h\n", { connType: "aws", host: "h" }],
  ])("%j", (uri, fields) => {
    // The server parser's answers (JSON query values); the Task SDK's, the default, keep the
    // strings: ConnectionParser.test.ts and the uri_task vectors.
    expect(parseConnectionUri(uri, "c", { parser: "server" })).toMatchObject(fields);
  });

  test("an empty password (server parser) and an empty port are absent (not empty)", () => {
    expect(parseConnectionUri("aws://user:@h", "c", { parser: "server" })).not.toHaveProperty("password");
    expect(parseConnectionUri("aws://h:", "c")).not.toHaveProperty("port");
  });

  test("an empty URI gives a connection without fields with the server parser, as its Connection(uri='') does", () => {
    const c = parseConnectionUri("", "c", { parser: "server" });
    expect({ ...c }).toEqual({ connId: "c", extra: {} });
  });

  test("the Task SDK parser parses an empty URI: conn_type, host and schema '' (Airflow 3.3.2's from_uri(''))", () => {
    expect({ ...parseConnectionUri("", "c") }).toEqual({
      connId: "c",
      connType: "",
      host: "",
      schema: "",
      extra: {},
    });
    expect(connectionToUri(parseConnectionUri("", "c"))).toBe("//");
  });

  test("the id is validated, and is '' when omitted", () => {
    expect(parseConnectionUri("aws://h").connId).toBe("");
    expect(parseConnectionUri("aws://h", "team/aws").connId).toBe("team/aws");
    expect(() => parseConnectionUri("aws://h", "bad id")).toThrow(InvalidConnIdError);
    // Airflow checks the data first; so does awsconn.
    expect(() => parseConnectionUri("aws://h:x", "bad id")).toThrow(ConnectionFormatError);
  });
});

describe("parseConnectionUri: refusals", () => {
  test.each([
    ["aws://b://c://d", "more than twice"],
    ["aws://u:p@protocol://h", "must not contain '@' or ':'"],
    ["aws://h:65536", "out of range"],
    ["aws://h:8O", "not a number"],
    ["aws://[1.2.3.4]", "IPv6"],
    ["aws://[::1", "unbalanced"],
    ["aws://\u2100", "NFKC"],
    ["aws://h?__extra__=%5B%5D", "not an object"],
    ["aws://h?__extra__=oops", "not valid JSON"],
    [`aws://h?x=${"[".repeat(2000)}${"]".repeat(2000)}`, "too deeply"],
  ])("%s", (uri, reason) => {
    // The server parser reads query values as JSON (the Task SDK's keeps "[[[...]]]" a string).
    expect(() => parseConnectionUri(uri, "c", { parser: "server" })).toThrow(reason);
  });

  test("a password that looks like a port never appears in the error", () => {
    for (const uri of ["aws://AKIAEXAMPLE:wJalrXUtnFEMI", "aws://AKIAEXAMPLE:wJalr/XUtnFEMI@host"]) {
      const error = (() => {
        try {
          parseConnectionUri(uri, "aws_default");
        } catch (e) {
          return e as ConnectionFormatError;
        }
      })();
      expect(error).toBeInstanceOf(ConnectionFormatError);
      expect(error?.message).toContain('"aws_default"');
      expect(error?.message).not.toContain("wJalr");
      expect(error?.message).not.toContain("AKIAEXAMPLE");
    }
  });

  test("the origin is named in the error", () => {
    expect(() => parseConnectionUri("x://h:99999", "c", { origin: "env:AIRFLOW_CONN_C" })).toThrow(
      /^env:AIRFLOW_CONN_C: invalid connection URI for "c": the port is out of range/,
    );
  });
});

describe("parseConnectionUri: large input", () => {
  test("a 1 MB password parses in one linear pass", () => {
    const secret = "s".repeat(1 << 20);
    const c = parseConnectionUri(`aws://AKIA:${secret}@host:1/db?${"a=b&".repeat(1000)}`, "c");
    expect(c.password?.length).toBe(1 << 20);
    expect(c.extra).toEqual({ a: "b" });
  });

  test("1 MB of '://' and '@' is refused without backtracking", () => {
    expect(() => parseConnectionUri("x://".repeat(1 << 18), "c")).toThrow(ConnectionFormatError);
    expect(parseConnectionUri(`x://${"@".repeat(1 << 20)}h`, "c").host).toBe("h");
  });
});
