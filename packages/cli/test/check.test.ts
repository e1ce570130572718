// check: every connection-file format and config files; problems as file:line: message, exit 5.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, SECRET } from "./plant.js";
import { REPO_ROOT, requireBuiltBin, runBin } from "./runBin.js";

let dir: string;
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  requireBuiltBin();
  dir = mkdtempSync(join(tmpdir(), "awsconn-check-"));
});

describe("check", () => {
  it("accepts the bundled examples (yaml, json, env, config): exit 0, nothing on stdout", async () => {
    const examples = ["connections.yaml", "connections.json", "connections.env", "awsconn.config.yaml"].map(
      (f) => join(REPO_ROOT, "examples", f),
    );
    const r = await runBin(["check", ...examples]);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("config, 3 sources");
  });

  it.each([
    ["yaml syntax", "syntax.yaml", "a: aws://\nb: [unclosed\nc: http://x\n", "2|3"],
    ["json syntax", "syntax.json", '{\n  "a": "aws://",\n  "b": \n}\n', 4],
    [
      "bad port in an object",
      "port.yaml",
      "ok: http://h\nwarehouse:\n  conn_type: postgres\n  port: abc\n",
      undefined,
    ],
    ["an illegal key", "keys.json", '{\n  "x": {"conn_type": "http", "hostname": "h"}\n}\n', 2],
    ["a duplicate .env id", "dup.env", "a=http://h\n# c\na=http://other\n", 3],
  ])("%s: exit 5 and a file:line: message line", async (_what, name, text, line) => {
    const path = file(name, text);
    const r = await runBin(["check", path]);
    expect(r.code).toBe(5);
    const rows = r.stdout.trim().split("\n");
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows)
      expect(row).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: \\S`));
    if (line !== undefined) expect(rows[0]).toMatch(new RegExp(`:(${line}): `));
  });

  it("reports every bad connection of a file, not only the first", async () => {
    const path = file("many.env", "one=postgres://h:99999\ntwo=http://fine\nthree=mysql://h:notaport/x\n");
    const r = await runBin(["check", path]);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain(`${path}:1: `);
    expect(r.stdout).toContain(`${path}:3: `);
    expect(r.stdout).not.toContain(`${path}:2: `);
  });

  it("never prints the secret of a malformed connection", async () => {
    const path = file("secret.env", `warehouse=postgres://u:${encodeURIComponent(SECRET)}@h:99999/db\n`);
    const r = await runBin(["check", path]);
    expect(r.code).toBe(5);
    expectNoSecret(r);
  });

  it("validates awsconn config files with the line of the bad key", async () => {
    const path = file("awsconn.config.yaml", "# sources\nsources:\n  - type: env\n  - type: sm\n");
    const r = await runBin(["check", path]);
    expect(r.code).toBe(5);
    expect(r.stdout.trim()).toMatch(
      new RegExp(`^${path.replace(/[.]/g, "\\.")}:4: sources\\[1\\]\\.type: .*"sm"`),
    );
    const cache = file("other.yaml", "sources:\n  - type: env\ncache:\n  ttlSeconds: soon\n");
    const r2 = await runBin(["check", cache]);
    expect(r2.code).toBe(5);
    expect(r2.stdout).toContain(`${cache}:4: cache.ttlSeconds`);
  });

  it("lists every problem of a config file, each at its line, with the nearest valid names", async () => {
    const dir2 = mkdtempSync(join(tmpdir(), "awsconn-check-all-"));
    const path = join(dir2, "awsconn.config.yaml");
    writeFileSync(path, "sorces: []\nsources:\n  - type: secretmanager\nmode: merg\n");
    const r = await runBin(["check", path]);
    expect(r.code).toBe(5);
    const rows = r.stdout.trim().split("\n");
    expect(rows).toContain(`${path}:1: unknown key "sorces" (did you mean "sources"?)`);
    expect(rows).toContain(
      `${path}:4: mode: expected one of first, merge, got "merg" (did you mean "merge"?)`,
    );
    expect(
      rows.some(
        (row) =>
          row.startsWith(`${path}:3: sources[0].type: `) && row.endsWith('(did you mean "secretsmanager"?)'),
      ),
    ).toBe(true);
  });

  it("recognises a JSON config by its sources list", async () => {
    const path = file(
      "settings.json",
      '{\n  "sources": [\n    { "type": "env" },\n    { "type": "file" }\n  ]\n}\n',
    );
    const r = await runBin(["check", path]);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(new RegExp(`^${path.replace(/[.]/g, "\\.")}:4: sources\\[1\\]\\.path: `));
  });

  it("checks several files, --json summarises; a missing file is a problem too", async () => {
    const good = file("good.yaml", "a: http://h\n");
    const missing = join(dir, "missing.yaml");
    const r = await runBin(["check", "--json", good, missing]);
    expect(r.code).toBe(5);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.files.map((f: { file: string; problems: unknown[] }) => [f.file, f.problems.length])).toEqual(
      [
        [good, 0],
        [missing, 1],
      ],
    );
  });
});

describe("check with no argument: the discovered config and every file it names", () => {
  function project(config: string | undefined, files: Record<string, [string, number]> = {}): string {
    const root = mkdtempSync(join(dir, "project-"));
    if (config !== undefined) writeFileSync(join(root, "awsconn.config.yaml"), config);
    for (const [name, [text, mode]] of Object.entries(files)) writeFileSync(join(root, name), text, { mode });
    return root;
  }
  const withFile = (path: string) => `sources:\n  - type: env\n  - type: file\n    path: ${path}\n`;

  it("a config whose connections file does not exist fails, naming the file", async () => {
    const root = project(withFile("./missing.yaml"));
    const r = await runBin(["check"], { cwd: root });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`configuration: ${join(root, "awsconn.config.yaml")}`);
    expect(r.stdout.trim()).toBe(
      `${join(root, "missing.yaml")}: connections file ${join(root, "missing.yaml")} does not exist (ENOENT)`,
    );
  });

  it("warns about a connections file readable by others, as get does, and passes it", async () => {
    const root = project(withFile("./conns.yaml"), { "conns.yaml": ["a: http://h\n", 0o644] });
    const r = await runBin(["check"], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /warning: connections file .*conns\.yaml is readable by group or others \(mode 644\)/,
    );
    expect(r.stderr).toMatch(/ok .*awsconn\.config\.yaml \(config, 2 sources\)/);
    expect(r.stderr).toMatch(/ok .*conns\.yaml \(1 connections\)/);
    const get = await runBin(["get", "a"], { cwd: root });
    expect(get.stderr).toMatch(/warning: connections file .*conns\.yaml is readable by group or others/);
  });

  it("reports the contents of the named files, and --config or AWSCONN_CONFIG choose the config", async () => {
    const root = project(undefined, {
      "elsewhere.yaml": [withFile("./bad.env"), 0o600],
      "bad.env": ["ok=http://h\nport=mysql://h:notaport\n", 0o600],
    });
    for (const r of [
      await runBin(["--config", join(root, "elsewhere.yaml"), "check"], { cwd: root }),
      await runBin(["check", "--json"], { cwd: root, env: { AWSCONN_CONFIG: join(root, "elsewhere.yaml") } }),
    ]) {
      expect(r.code).toBe(5);
      expect(r.stdout).toContain(`${join(root, "bad.env")}`);
    }
    const json = await runBin(["check", "--json"], { cwd: root, env: { AWSCONN_CONFIG: "elsewhere.yaml" } });
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      config: join(root, "elsewhere.yaml"),
      files: [
        { file: join(root, "elsewhere.yaml"), kind: "config", count: 2, problems: [] },
        { file: join(root, "bad.env"), kind: "connections", count: 1, problems: [{ line: 2 }] },
      ],
    });
  });

  it("an invalid discovered config is reported at its line; no config at all checks nothing", async () => {
    const root = project("sources:\n  - type: env\n  - type: sm\n");
    const r = await runBin(["check"], { cwd: root });
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/awsconn\.config\.yaml:3: /);
    const empty = await runBin(["check"], { cwd: project(undefined) });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain("configuration: default");
  });

  it("an explicit config file argument checks the files it names too", async () => {
    const root = project(withFile("./missing.json"));
    const r = await runBin(["check", join(root, "awsconn.config.yaml")]);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain(`${join(root, "missing.json")}: `);
  });
});

describe("check reads files with the resolver's exact rules", () => {
  it("refuses what get refuses: over 10 MiB, invalid UTF-8, a directory", async () => {
    const big = file("big.yaml", `a: http://h\nb: "${"x".repeat(10 * 1024 * 1024)}"\n`);
    const r = await runBin(["check", big]);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(
      /big\.yaml: the file is \d+ bytes; connections files are limited to 10485760 bytes/,
    );
    const bad = join(dir, "latin1.yaml");
    writeFileSync(bad, Buffer.from("a: caf\xe9\n", "latin1"));
    const r2 = await runBin(["check", bad]);
    expect(r2.code).toBe(5);
    expect(r2.stdout).toContain(`${bad}: the file is not valid UTF-8`);
    const folder = join(dir, "folder.yaml");
    mkdirSync(folder);
    expect((await runBin(["check", folder])).code).toBe(5);
  });

  it("one pass: every problem of a YAML file, each at its line, and ids get refuses", async () => {
    const path = file(
      "many.yaml",
      "ok: http://h\nb:\n  port: abc\nc: postgres://h:99999\nbad id: http://x\n",
    );
    const r = await runBin(["check", path]);
    expect(r.code).toBe(5);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => l.slice(path.length + 1).split(":")[0]),
    ).toEqual(["3", "4", "5"]);
  });
});
