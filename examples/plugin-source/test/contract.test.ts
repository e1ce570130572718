// The public contract suite from @awsconn/source-kit, run against the example plugin, plus what
// is particular to it: the .uri form, a wrong folder, two files for one id, put.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  ConfigError,
  ConnectionFormatError,
  connectionToJson,
  connectionToUri,
  createConnection,
  parseConnectionUri,
  parseConnectionValue,
} from "@awsconn/core";
import {
  DEFAULT_CONTRACT_SEED,
  describeConnectionSource,
  expectAbortBeforeLookup,
  expectRefusesInvalidIds,
  formatErrorOf,
  type SeedConnection,
  seededSecrets,
  sourceErrorOf,
} from "@awsconn/source-kit";
import { describe, expect, it } from "vitest";
import { fromDirectory } from "../index.mjs";

// A folder holding the seed: the URI form where it carries the connection exactly, JSON otherwise.
function seedFolder(seed: readonly SeedConnection[], write = seedFile): string {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-source-dir-"));
  for (const c of seed) {
    const [name, text] = write(c);
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function seedFile(c: SeedConnection): [string, string] {
  const connection = createConnection(c);
  const uri = connectionToUri(connection);
  const exact =
    JSON.stringify({ ...parseConnectionUri(uri, c.connId) }) === JSON.stringify({ ...connection });
  return exact
    ? [`${c.connId}.uri`, `${uri}\n`]
    : [`${c.connId}.json`, JSON.stringify(connectionToJson(connection))];
}

// Every file keeps the seeded secrets but has an impossible port.
function corruptFile(c: SeedConnection): [string, string] {
  const secrets = seededSecrets(DEFAULT_CONTRACT_SEED).join("|");
  return [
    `${c.connId}.json`,
    JSON.stringify({
      conn_type: "http",
      password: c.password ?? secrets,
      port: 99999,
      extra: { token: secrets },
    }),
  ];
}

const SEED: readonly SeedConnection[] = [
  ...DEFAULT_CONTRACT_SEED,
  {
    connId: "team/nested_uri",
    connType: "mysql",
    host: "mysql.internal",
    login: "app",
    password: "planted-mysql-4",
    port: 3306,
    extra: {},
  },
];

function subject(seed: readonly SeedConnection[], write = seedFile) {
  const dir = seedFolder(seed, write);
  return {
    source: fromDirectory({ path: dir }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describeConnectionSource("awsconn-source-dir", (seed) => subject(seed), SEED, {
  makeCorruptSource: (seed) => subject(seed, corruptFile),
});

describe("awsconn-source-dir", () => {
  it("reads both forms, with the file as origin, and lists ids in subfolders with /", async () => {
    const dir = seedFolder([]);
    mkdirSync(join(dir, "team"));
    const uri = "  http://user:planted-pw-5@api.example.com:8443/v1?timeout=30\n";
    writeFileSync(join(dir, "team", "api.uri"), uri);
    writeFileSync(join(dir, "db.json"), JSON.stringify({ conn_type: "postgres", host: "db", port: "5432" }));
    writeFileSync(join(dir, "notes.txt"), "ignored");
    const source = fromDirectory({ path: dir });

    const api = await source.get("team/api");
    expect(api?.origin).toBe(`dir:${join(dir, "team", "api.uri")}`);
    expect(api?.connection).toMatchObject({
      connType: "http",
      host: "api.example.com",
      port: 8443,
      schema: "v1",
    });
    // read exactly as an AIRFLOW_CONN_* value is (core's parseConnectionValue)
    expect({ ...api?.connection }).toEqual({ ...parseConnectionValue(uri, "team/api") });
    expect((await source.get("db"))?.connection.port).toBe(5432);
    const ids: string[] = [];
    for await (const id of source.list?.() ?? []) ids.push(id);
    expect(ids).toEqual(["db", "team/api"]);
  });

  it("takes a relative path from the factory context's baseDir", async () => {
    const dir = seedFolder(SEED);
    const source = fromDirectory({ path: "." }, { baseDir: dir });
    expect((await source.get("contract_pg"))?.connection.host).toBe("db.example.internal");
  });

  it("a folder that does not exist is a SourceError, not a quiet miss", async () => {
    const source = fromDirectory({ path: join(tmpdir(), "awsconn-no-such-folder") });
    const error = await sourceErrorOf(source.get("x"));
    expect(error.message).toContain("does not exist");
  });

  it("two files for one id are a ConnectionFormatError", async () => {
    const dir = seedFolder([]);
    writeFileSync(join(dir, "twice.json"), "{}");
    writeFileSync(join(dir, "twice.uri"), "http://h");
    const error = await formatErrorOf(fromDirectory({ path: dir }).get("twice"));
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect(error.message).toContain("keep one");
  });

  it("bad options are a ConfigError naming the key", () => {
    expect(() => fromDirectory({ path: "" }, { baseDir: ".", path: "sources[1]" })).toThrow(ConfigError);
    expect(() => fromDirectory({ path: "" }, { baseDir: ".", path: "sources[1]" })).toThrow(
      /sources\[1\]\.options\.path/,
    );
  });

  it("put writes <id>.json (mode 600), replaces a .uri, and refuses invalid ids and aborted calls", async () => {
    const dir = seedFolder([{ connId: "old", connType: "http", host: "h", extra: {} }]);
    const source = fromDirectory({ path: dir });
    const put = source.put as NonNullable<typeof source.put>;
    await put(
      createConnection({ connId: "old", connType: "postgres", host: "new-host", password: "pw-1234" }),
    );
    expect(JSON.parse(readFileSync(join(dir, "old.json"), "utf8"))).toMatchObject({ host: "new-host" });
    expect((await source.get("old"))?.connection.host).toBe("new-host");
    await expectRefusesInvalidIds((id) => put({ connId: id, extra: {} }));
    await expectAbortBeforeLookup((signal) => put({ connId: "x", extra: {} }, { signal }));
  });

  it("says it is live (remote: false), so awsconn reads it on every lookup", () => {
    expect(fromDirectory({ path: "." }).remote).toBe(false);
  });
});
