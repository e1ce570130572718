import { chmod, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidConnIdError, SourceError, createConnection } from "@awsconn/core";
import { expectErrorHidesSecret, formatErrorOf } from "@awsconn/testkit/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FileInit, fromFile } from "./fromFile.js";

let dir: string;
const warnings: string[] = [];
const logger = { warn: (m: string) => warnings.push(m) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-file-"));
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string, mode = 0o600): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, mode);
  return path;
}

function source(path: string, init: Partial<FileInit> = {}) {
  return fromFile({ path, logger, ...init });
}

const SECRET = "hunter2-very-secret";

describe("fromFile: formats", () => {
  it("reads YAML: URI strings, field objects, one-item lists, with the key's line as origin", async () => {
    const path = await file(
      "conns.yaml",
      `# connections\naws_default: aws://AKIA:${SECRET}@/?region_name=eu-west-1\n\nwarehouse:\n  conn_type: postgresql\n  host: db.internal\n  login: etl\n  password: ${SECRET}\n  port: "5432"\n  extra:\n    sslmode: require\nlisted:\n  - conn_type: http\n    host: example.com\nempty_list: []\n`,
    );
    const s = source(path);
    const aws = await s.get("aws_default");
    expect(aws?.origin).toBe(`file:${path}:2`);
    expect(aws?.connection).toMatchObject({
      connType: "aws",
      login: "AKIA",
      password: SECRET,
      extra: { region_name: "eu-west-1" },
    });
    const wh = await s.get("warehouse");
    expect(wh?.origin).toBe(`file:${path}:4`);
    // Airflow keeps conn_type as written in the object form (only URIs are normalised).
    expect({ ...wh?.connection }).toEqual({
      connId: "warehouse",
      connType: "postgresql",
      host: "db.internal",
      login: "etl",
      password: SECRET,
      port: 5432,
      extra: { sslmode: "require" },
    });
    expect((await s.get("listed"))?.connection).toMatchObject({ connType: "http", host: "example.com" });
    expect(await s.get("empty_list")).toBeUndefined();
    expect(await s.get("absent")).toBeUndefined();
  });

  it("reads JSON with extra as an object or a JSON string, and extra_dejson", async () => {
    const path = await file(
      "conns.JSON",
      JSON.stringify(
        {
          a: { conn_type: "aws", extra: { region_name: "us-east-1" } },
          b: { conn_type: "aws", extra: '{"region_name": "eu-north-1"}' },
          c: { conn_type: "aws", extra_dejson: { profile_name: "p" }, conn_id: "c" },
          d: { uri: "mysql://u@h:3306/s", description: "via uri" },
        },
        null,
        2,
      ),
    );
    const s = source(path);
    expect((await s.get("a"))?.connection.extra).toEqual({ region_name: "us-east-1" });
    expect((await s.get("b"))?.connection.extra).toEqual({ region_name: "eu-north-1" });
    expect((await s.get("c"))?.connection.extra).toEqual({ profile_name: "p" });
    expect((await s.get("c"))?.origin).toBe(`file:${path}:12`);
    expect({ ...(await s.get("d"))?.connection }).toMatchObject({
      connType: "mysql",
      host: "h",
      port: 3306,
      description: "via uri",
    });
  });

  it("reads .env files: ID=URI lines, comments, blank lines", async () => {
    const path = await file(
      "conns.env",
      `# env file\n\nAWS_DEFAULT=aws://AKIA:${SECRET}@\nmy_db=postgres://u:p@h:5432/db?sslmode=require\n`,
    );
    const s = source(path);
    expect((await s.get("AWS_DEFAULT"))?.origin).toBe(`file:${path}:3`);
    expect((await s.get("my_db"))?.connection).toMatchObject({
      host: "h",
      port: 5432,
      extra: { sslmode: "require" },
    });
    expect(await s.get("aws_default")).toBeUndefined(); // file keys are case-sensitive
    const ids: string[] = [];
    for await (const id of s.list()) ids.push(id);
    expect(ids).toEqual(["AWS_DEFAULT", "my_db"]);
  });
});

describe("fromFile: errors name the file and line, never a secret", () => {
  it.each([
    ["illegal key", "conns.yaml", `a:\n  conn_type: aws\n  passwrd: ${SECRET}\n`, 3],
    [
      "extra with extra_dejson",
      "conns.yaml",
      `a:\n  password: ${SECRET}\n  extra: {}\n  extra_dejson: {}\n`,
      4,
    ],
    [
      "conn_id differs from its key",
      "conns.json",
      `{\n  "a": {\n    "password": "${SECRET}",\n    "conn_id": "b"\n  }\n}`,
      4,
    ],
    ["bad port in a URI", "conns.yaml", `ok: aws://\nbad: postgres://u:${SECRET}@h:99999/db\n`, 2],
    ["bad port field", "conns.json", `{"a": {"password": "${SECRET}",\n "port": "http"}}`, 2],
    ["extra not an object", "conns.yaml", `a:\n  password: ${SECRET}\n  extra: "[1, 2]"\n`, 3],
    ["uri mixed with fields", "conns.yaml", `a:\n  host: h\n  uri: aws://k:${SECRET}@\n`, 3],
    ["two items in a list", "conns.json", `{\n"a": [\n"aws://k:${SECRET}@", "aws://"]}`, 2],
    ["a number as a connection", "conns.yaml", "a: aws://\nb: 5\n", 2],
    ["JSON syntax", "conns.json", `{"a": {"password": "${SECRET}"}\n "b": 1}`, 2],
    ["YAML syntax", "conns.yaml", `a:\n  password: ${SECRET}\n b: [unclosed\n`, 3],
    ["top level not an object", "conns.yaml", `- aws://k:${SECRET}@\n`, 1],
    ["empty JSON file", "conns.json", "", 1],
    ["empty YAML file", "conns.yml", "", 1],
    [".env line without =", "conns.env", `A=aws://k:${SECRET}@\nB\n`, 2],
    [".env duplicate id", "conns.env", `A=aws://k:${SECRET}@\nB=aws://\nA=aws://other\n`, 3],
  ])("%s", async (_name, name, content, line) => {
    const path = await file(name, content);
    const error = await formatErrorOf(source(path).get("a"));
    expect(error.origin).toBe(`file:${path}`);
    expect(error.line).toBe(line);
    expect(error.message).toContain(`${path}:${line}`);
    expectErrorHidesSecret(error, SECRET);
  });

  it("refuses an unsupported extension, a file over the size limit, and invalid UTF-8", async () => {
    expect((await formatErrorOf(source(await file("conns.txt", "a: aws://")).get("a"))).message).toMatch(
      /extension/,
    );
    const big = await formatErrorOf(
      source(await file("big2.yaml", "a: aws://\n".repeat(20)), { maxBytes: 100 }).get("a"),
    );
    expect(big.message).toMatch(/limited to 100 bytes/);
    const bin = join(dir, "bin.json");
    await writeFile(bin, Buffer.from([0x7b, 0xff, 0x7d]));
    await chmod(bin, 0o600);
    expect((await formatErrorOf(source(bin).get("a"))).message).toMatch(/UTF-8/);
  });

  it("treats an empty .env file as holding nothing, as Airflow does", async () => {
    expect(await source(await file("empty.env", "")).get("a")).toBeUndefined();
  });

  it("fails a missing file with SourceError and an invalid id with InvalidConnIdError", async () => {
    const missing = source(join(dir, "missing.yaml"));
    await expect(missing.get("a")).rejects.toBeInstanceOf(SourceError);
    await expect(missing.get("a/../b")).rejects.toBeInstanceOf(InvalidConnIdError);
    expect(missing.stats().checks).toBe(1);
  });

  it("refuses a billion-laughs YAML file instead of expanding it", async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const path = await file("laughs.yaml", `${levels.join("\n")}\n`);
    const error = await formatErrorOf(source(path).get("a"));
    expect(error.message).toMatch(/alias/);
  });
});

describe("fromFile: parsing once", () => {
  it("parses a 10,000-connection file once for 100,000 lookups", async () => {
    const lines = Array.from(
      { length: 10_000 },
      (_, i) => `conn_${i}:\n  conn_type: aws\n  login: key${i}\n  password: pw${i}`,
    );
    const path = await file("many.yaml", `${lines.join("\n")}\n`);
    const s = source(path);
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => s.get(`conn_${i * 10}`)));
    expect(results.every((r) => r !== undefined)).toBe(true);
    for (let i = 0; i < 99_000; i++) {
      const hit = await s.get(`conn_${i % 10_000}`);
      if (hit?.connection.login !== `key${i % 10_000}`) throw new Error(`wrong hit for conn_${i % 10_000}`);
    }
    expect(s.stats()).toEqual({ parses: 1, checks: 100_000 });
    expect((await s.get("conn_9999"))?.origin).toBe(`file:${path}:39997`);
  }, 120_000);

  it("re-reads the file when it changes, and only then", async () => {
    const path = await file("conns.yaml", "a: http://one\n");
    const s = source(path);
    expect((await s.get("a"))?.connection.host).toBe("one");
    expect((await s.get("a"))?.connection.host).toBe("one");
    expect(s.stats().parses).toBe(1);
    await writeFile(path, "a: http://two\nb: http://b\n");
    expect((await s.get("a"))?.connection.host).toBe("two");
    expect(s.stats().parses).toBe(2);
    await writeFile(path, "a: http://333\nb: http://b\n"); // same size
    const st = await stat(path);
    await utimes(path, st.atime, new Date(st.mtimeMs + 5000));
    expect((await s.get("a"))?.connection.host).toBe("333");
    expect(s.stats().parses).toBe(3);
  });

  it("gives each caller its own copy of a connection", async () => {
    const s = source(await file("conns.yaml", "a:\n  conn_type: aws\n  extra: {region_name: x}\n"));
    const first = await s.get("a");
    (first?.connection.extra as Record<string, unknown>).region_name = "changed";
    expect((await s.get("a"))?.connection.extra).toEqual({ region_name: "x" });
  });
});

describe("fromFile: permissions", () => {
  it("warns once when the file is readable by group or others, and not when it is private", async () => {
    const open = source(await file("open.yaml", "a: aws://\n", 0o644));
    await open.get("a");
    await open.get("a");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/readable by group or others \(mode 644\)/);
    warnings.length = 0;
    await source(await file("private.yaml", "a: aws://\n", 0o600)).get("a");
    expect(warnings).toEqual([]);
  });

  it("warns when the file is writable by others", async () => {
    await source(await file("world.yaml", "a: aws://\n", 0o602)).get("a");
    expect(warnings).toEqual([expect.stringMatching(/writable by others/)]);
  });
});

describe("fromFile: put", () => {
  const conn = (connId: string, password = SECRET) =>
    createConnection({
      connId,
      connType: "postgres",
      host: "db",
      login: "u",
      password,
      port: 5432,
      extra: {},
    });

  it("creates a missing file with mode 0600; a lookup sees the new value at once", async () => {
    const path = join(dir, "new.yaml");
    const s = source(path);
    await s.put(conn("db"));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await s.get("db"))?.connection.password).toBe(SECRET);
    await s.put(conn("db", "rotated"));
    expect((await s.get("db"))?.connection.password).toBe("rotated");
    expect(await readFile(path, "utf8")).toBe(
      "db:\n  conn_type: postgres\n  host: db\n  login: u\n  password: rotated\n  port: 5432\n",
    );
  });

  it("keeps the other entries and comments; writes of one source run one at a time", async () => {
    const path = await file("c.json", '{\n  "bad id": "http://x",\n  "keep": "http://k"\n}\n', 0o644);
    const s = source(path);
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.put(conn(`c${i}`))));
    const ids: string[] = [];
    for await (const id of s.list()) ids.push(id);
    expect(ids).toEqual(["keep", ...Array.from({ length: 20 }, (_, i) => `c${i}`)]);
    expect(
      (await readFile(path, "utf8")).startsWith('{\n  "bad id": "http://x",\n  "keep": "http://k",\n'),
    ).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("refuses a file with another broken entry and an unsupported extension; nothing is written", async () => {
    const text = "a: http://a\nb:\n  port: abc\n";
    const path = await file("broken.yaml", text);
    const error = await formatErrorOf(source(path).put(conn("db")));
    expect(error.line).toBe(3);
    expect(await readFile(path, "utf8")).toBe(text);
    expectErrorHidesSecret(error, SECRET);
    await formatErrorOf(source(join(dir, "x.txt")).put(conn("db")));
    await expect(source(join(dir, "x.yaml")).put(conn("bad id"))).rejects.toBeInstanceOf(InvalidConnIdError);
  });
});

describe("fromFile: check", () => {
  it("reports every entry, every problem and the permission warnings, as a lookup reads them", async () => {
    const path = await file(
      "c.yaml",
      "a: http://a\nb:\n  port: abc\nc: postgres://h:99999\nbad id: http://x\n",
      0o644,
    );
    const report = await source(path, { logger: { warn: () => {} } }).check();
    expect([...report.entries.keys()]).toEqual(["a", "bad id"]);
    expect(report.problems.map((p) => [p.connId, p.line])).toEqual([
      ["b", 3],
      ["c", 4],
    ]);
    expect(report.warnings.map((w) => w.kind)).toEqual(["readable"]);
  });

  it("the file's own problems: missing, too large, not UTF-8", async () => {
    const missing = await source(join(dir, "none.yaml")).check();
    expect(missing.problems).toEqual([{ reason: expect.stringMatching(/does not exist \(ENOENT\)/) }]);
    const big = await source(await file("big.yaml", `a: ${"x".repeat(200)}\n`), { maxBytes: 100 }).check();
    expect(big.problems[0]?.reason).toMatch(/limited to 100 bytes/);
    const bin = join(dir, "bin.yaml");
    await writeFile(bin, Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    expect((await source(bin).check()).problems[0]?.reason).toMatch(/not valid UTF-8/);
  });
});
