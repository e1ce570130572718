// copy into files: formats by extension, mode 0600, --dry-run writes nothing, no secret in output.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureVenv } from "@awsconn/testkit/moto";
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

describe("copy --to file: keeps data (14.6)", () => {
  // Strings a YAML 1.1 reader turns into something else when they are written plain.
  const AWKWARD = {
    conn_type: "http",
    host: "1:20",
    login: "off",
    password: "no",
    schema: "2001-12-14",
    extra: { a: "=", b: "<<", c: "~", d: "null", e: "1_000", f: " x ", g: "y", h: "0x1F", yes: "on" },
  };

  it("awkward scalars read back the same in awsconn and in PyYAML; other entries and comments stay", async () => {
    const path = join(dir, "keep.yaml");
    const before =
      '# my connections\n\n"bad id": http://x   # awsconn refuses this id\nold:\n  conn_type: http\n';
    const after = "\n# trailing notes\n";
    writeFileSync(path, `${before}${after}`);
    const env = { AIRFLOW_CONN_AWKWARD: JSON.stringify(AWKWARD) };
    const r = await runBin(["--config", config, "copy", "awkward", "--to", `file:${path}`], { env });
    expect(r.code).toBe(0);
    const text = readFileSync(path, "utf8");
    expect(text.startsWith(before)).toBe(true);
    expect(text.endsWith(after)).toBe(true);
    const { conn_type, host, login, password, schema, extra } = await readBack(path, "awkward");
    expect({ conn_type, host, login, password, schema, extra }).toEqual(AWKWARD);
    const python = await ensureVenv();
    const loaded = execFileSync(
      python,
      [
        "-c",
        "import json, sys, yaml; print(json.dumps(yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)))",
        path,
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(loaded)).toEqual({
      "bad id": "http://x",
      old: { conn_type: "http" },
      awkward: AWKWARD,
    });
  });

  it("refuses to write into a file that has a problem, and leaves it as it was", async () => {
    const path = join(dir, "broken.yaml");
    writeFileSync(path, "a: http://a\nb:\n  port: abc\n");
    const r = await runBin(["--config", config, "copy", "warehouse", "--to", `file:${path}`]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/broken\.yaml:3: /);
    expect(readFileSync(path, "utf8")).toBe("a: http://a\nb:\n  port: abc\n");
    expectNoSecret(r);
  });
});
