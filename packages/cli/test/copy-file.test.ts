// copy into files: formats by extension, mode 0600, --dry-run writes nothing, no secret in output.
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, fixtureDir, SECRET } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

let dir: string;
let config: string;
beforeAll(() => {
  requireBuiltBin();
  dir = fixtureDir();
  config = join(dir, "awsconn.config.yaml");
});

async function readBack(path: string, id: string) {
  const cfg = join(dir, `readback-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(cfg, `sources:\n  - type: file\n    path: ${JSON.stringify(path)}\n`);
  const r = await runBin(["--config", cfg, "get", id, "--json", "--show-secrets"]);
  expect(r.code).toBe(0);
  const { origin: _o, source: _s, ...rest } = JSON.parse(r.stdout);
  return rest;
}

describe("copy --to file:PATH", () => {
  it.each(["out.yaml", "out.json", "out.env"])(
    "%s: written with mode 0600 and read back unchanged",
    async (name) => {
      const path = join(dir, name);
      const r = await runBin([
        "--config",
        config,
        "copy",
        "warehouse",
        "aws_default",
        "--to",
        `file:${path}`,
      ]);
      expect(r.code).toBe(0);
      expectNoSecret(r);
      expect(r.stdout).toMatch(/^created\s+warehouse\s+file:.*connections\.yaml:\d+ -> file:/m);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const original = await runBin(["--config", config, "get", "warehouse", "--json", "--show-secrets"]);
      const { origin: _o, source: _s, ...want } = JSON.parse(original.stdout);
      expect(await readBack(path, "warehouse")).toEqual(want);
      expect((await readBack(path, "aws_default")).password).toBe(SECRET);
    },
  );

  it("--dry-run lists what would change and writes nothing", async () => {
    const path = join(dir, "dry.yaml");
    const r = await runBin(["--config", config, "copy", "warehouse", "--to", `file:${path}`, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^would create\s+warehouse/m);
    expect(r.stderr).toContain("dry run");
    expect(existsSync(path)).toBe(false);
  });

  it("keeps other entries, reports unchanged and updated ids, and the file stays 0600", async () => {
    const path = join(dir, "merge.json");
    writeFileSync(path, JSON.stringify({ other: "http://other.example", warehouse: "postgres://old@h/db" }), {
      mode: 0o644,
    });
    const r = await runBin(["--config", config, "--json", "copy", "warehouse", "--to", `file:${path}`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps).toEqual([
      expect.objectContaining({ conn_id: "warehouse", action: "update" }),
    ]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await readBack(path, "other")).host).toBe("other.example");
    const again = await runBin(["--config", config, "copy", "warehouse", "--to", `file:${path}`]);
    expect(again.stdout).toMatch(/^unchanged\s+warehouse/m);
    expectNoSecret(again);
  });

  it("a missing id exits 3 and writes nothing; a bad extension exits 5", async () => {
    const path = join(dir, "never.yaml");
    const r = await runBin(["--config", config, "copy", "nowhere", "--to", `file:${path}`]);
    expect(r.code).toBe(3);
    expect(existsSync(path)).toBe(false);
    const bad = await runBin(["--config", config, "copy", "warehouse", "--to", `file:${join(dir, "x.txt")}`]);
    expect(bad.code).toBe(5);
  });
});
