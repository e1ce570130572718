import { ConnectionFormatError, createConnection } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { loadConnections } from "./loadConnections.js";
import { setFileEntry } from "./setFileEntry.js";

const SECRET = "planted-secret-4711";
const conn = createConnection({
  connId: "db",
  connType: "postgres",
  host: "db.internal",
  login: "etl",
  password: SECRET,
  port: 5432,
  extra: { sslmode: "require" },
});

function refusal(fn: () => unknown): ConnectionFormatError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect((error as Error).message).not.toContain(SECRET);
    return error as ConnectionFormatError;
  }
  throw new Error("expected a refusal");
}

describe("setFileEntry", () => {
  it.each(["yaml", "json", "env"] as const)(
    "%s: the connection reads back field for field; other ids stay",
    (format) => {
      const start = {
        yaml: '"bad id": http://x\nother: http://o\n',
        json: '{"bad id": "http://x", "other": "http://o"}',
        env: "bad id=http://x\nother=http://o\n",
      }[format];
      const { entries } = loadConnections(setFileEntry(start, format, conn, "file:x"), format);
      // A URI gives "" for an absent schema (it cannot tell them apart).
      expect({ ...entries.get("db")?.connection }).toEqual(
        format === "env" ? { ...conn, schema: "" } : { ...conn },
      );
      expect([...entries.keys()].sort()).toEqual(["bad id", "db", "other"]);
    },
  );

  it("refuses a file with a problem outside the entry (nothing to write), at that problem's line", () => {
    const e = refusal(() => setFileEntry("a: http://a\nb:\n  port: abc\n", "yaml", conn, "file:x.yaml"));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^file:x\.yaml:3: cannot write "db": the file has a problem to fix first/);
    refusal(() => setFileEntry("{oops", "json", conn, "file:x.json"));
  });

  it("replaces a broken entry of the same id", () => {
    const text = setFileEntry("db:\n  port: abc\n", "yaml", conn, "file:x.yaml");
    expect(loadConnections(text, "yaml").problems).toEqual([]);
  });

  it("starts a file that holds only comments or whitespace", () => {
    expect(loadConnections(setFileEntry("# nothing yet\n", "yaml", conn, "f"), "yaml").entries.size).toBe(1);
    expect(loadConnections(setFileEntry(" \n", "json", conn, "f"), "json").entries.size).toBe(1);
  });

  it("refuses what the format cannot hold, naming the field and never the value", () => {
    const described = createConnection({ ...conn, description: "the warehouse" });
    expect(refusal(() => setFileEntry("", "env", described, "f")).message).toMatch(/description/);
    const nan = createConnection({ ...conn, extra: { ratio: Number.NaN } });
    expect(refusal(() => setFileEntry("", "json", nan, "f")).message).toMatch(
      /its extra\.ratio would read back/,
    );
  });

  it("refuses a change that would reach another entry through a YAML anchor", () => {
    const text = "base: &b\n  conn_type: http\n  host: h\nuser:\n  <<: *b\n  port: 1\n";
    const base = createConnection({ connId: "base", connType: "http", host: "changed", extra: {} });
    expect(refusal(() => setFileEntry(text, "yaml", base, "f")).message).toMatch(
      /defines the YAML anchor &b, which other entries use/,
    );
  });
});
