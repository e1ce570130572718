// check: every connection-file format and config files; problems as file:line: message, exit 5.
import { mkdtempSync, writeFileSync } from "node:fs";
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
