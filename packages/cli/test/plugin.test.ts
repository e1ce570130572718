// Plugin sources through the built `awsconn` binary: explain, list and get show them like the
// built-in sources (the example plugin, examples/plugin-source, with its committed config), and a
// broken plugin entry is an exit-5 configuration error naming the entry, without a secret.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, requireBuiltBin, runBin } from "./runBin.js";

const EXAMPLE = join(REPO_ROOT, "examples/plugin-source/awsconn.config.yaml");
const EXAMPLE_PASSWORD = "example-password-not-real";

beforeAll(() => {
  requireBuiltBin();
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-cli-plugin-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("the example plugin (a live source)", () => {
  it("explain shows it as a step after env, with its origin, read live", async () => {
    const r = await runBin(["explain", "warehouse", "--config", EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/found in dir \(dir:.*connections\.d\/warehouse\.json\)/);
    expect(r.stdout).toMatch(/^\s*1\s+env\s+miss\b/m);
    expect(r.stdout).toMatch(/^\s*2\s+dir\s+hit\s.*live\s+dir:.*warehouse\.json$/m);
  });

  it("explain --json has the same steps", async () => {
    const r = await runBin(["explain", "api", "--json", "--config", EXAMPLE]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      winner: { source: string };
      steps: { source: string; outcome: string }[];
    };
    expect(out.winner.source).toBe("dir");
    expect(out.steps.map((s) => [s.source, s.outcome])).toEqual([
      ["env", "miss"],
      ["dir", "hit"],
    ]);
  });

  it("list shows its ids under its name; --source picks it", async () => {
    const r = await runBin(["list", "--config", EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual(expect.arrayContaining(["dir\tapi", "dir\twarehouse"]));
    const only = await runBin(["list", "--source", "dir", "--json", "--config", EXAMPLE]);
    expect(JSON.parse(only.stdout)).toEqual({ dir: ["api", "warehouse"] });
  });

  it("get prints it with source and origin, the password as ***", async () => {
    const r = await runBin(["get", "warehouse", "--config", EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^source\s+dir$/m);
    expect(r.stdout).toMatch(/^password\s+\*\*\*$/m);
    expect(r.stdout + r.stderr).not.toContain(EXAMPLE_PASSWORD);
  });
});

describe("a remote plugin and broken plugin entries", () => {
  const remote =
    'export default (o) => ({ name: "kv", async get(id) { return o.data[id] ? { connection: { connId: id, host: o.data[id], extra: {} }, origin: "kv:" + id } : undefined; } });\n';

  it("a plugin that does not say remote: false is cached: explain's answer column says call", async () => {
    const dir = folder({
      "kv.mjs": remote,
      "awsconn.config.yaml":
        "sources:\n  - type: plugin\n    module: ./kv.mjs\n    name: kv\n    options: { data: { db: db.example } }\n",
    });
    const r = await runBin(["explain", "db", "--config", join(dir, "awsconn.config.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s*1\s+kv\s+hit\s+\S+ ms\s+call\s+kv:db$/m);
  });

  it("list on a plugin that cannot list: skipped like a built-in source that cannot list", async () => {
    const dir = folder({
      "kv.mjs": remote,
      "awsconn.config.yaml":
        "sources:\n  - type: plugin\n    module: ./kv.mjs\n    name: kv\n    options: { data: {} }\n",
    });
    const r = await runBin(["list", "--config", join(dir, "awsconn.config.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("kv: cannot list; skipped");
  });

  it("a package that cannot be found: exit 5, the entry and the fix", async () => {
    const dir = folder({
      "awsconn.config.yaml":
        'sources:\n  - type: env\n  - type: plugin\n    module: "@acme/awsconn-source-vault"\n',
    });
    const r = await runBin(["get", "db", "--config", join(dir, "awsconn.config.yaml")]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(
      'sources[1].module: cannot find the plugin module "@acme/awsconn-source-vault"',
    );
    expect(r.stderr).toContain("npm install @acme/awsconn-source-vault");
  });

  it("a module with a syntax error, and a factory that refuses its options, without the secret option", async () => {
    const token = "plugin-token-s3cr3t-value";
    const dir = folder({
      "broken.mjs": "export default (;\n",
      "picky.mjs": 'export default (o) => { throw new Error("bad token " + o.token); };\n',
      "a.yaml": "sources:\n  - type: plugin\n    module: ./broken.mjs\n",
      "b.yaml": `sources:\n  - type: plugin\n    module: ./picky.mjs\n    options: { token: ${token} }\n`,
    });
    const a = await runBin(["explain", "db", "--config", join(dir, "a.yaml")]);
    expect(a.stdout + a.stderr).toMatch(
      /sources\[0\]\.module: the plugin module "\.\/broken\.mjs" .*failed to load \(SyntaxError/,
    );
    const b = await runBin(["get", "db", "--config", join(dir, "b.yaml")]);
    expect(b.code).toBe(5);
    expect(b.stderr).toContain(
      'sources[0].options: the plugin "./picky.mjs" refused its options (Error: bad token ***)',
    );
    expect(b.stdout + b.stderr).not.toContain(token);
  });
});
