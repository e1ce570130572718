// Provenance in the CLI: get and explain from one lookup, a merged connection labelled as merged with
// its layers, snake_case field names, no empty host/schema lines, the configuration named, times
// rounded to microseconds.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, fixtureDir } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

let dir: string;
let mergeConfig: string;

beforeAll(() => {
  requireBuiltBin();
  dir = fixtureDir();
  mergeConfig = join(dir, "merge.config.yaml");
  writeFileSync(
    mergeConfig,
    "mode: merge\nsources:\n  - type: env\n  - type: file\n    path: ./connections.yaml\n",
  );
});

const override = { AIRFLOW_CONN_WAREHOUSE: "postgres://?sslmode=disable" };

describe("a merged connection", () => {
  it("get labels it merged and lists its layers; host and schema are not blanked by the override", async () => {
    const r = await runBin(["--config", mergeConfig, "get", "warehouse"], { env: override });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^source\s+merged$/m);
    expect(r.stdout).toMatch(/^layer\s+env:AIRFLOW_CONN_WAREHOUSE$/m);
    expect(r.stdout).toMatch(/^layer\s+file:.*connections\.yaml:\d+$/m);
    expect(r.stdout).toMatch(/^host\s+db\.example\.com$/m);
    expect(r.stdout).not.toMatch(/^origin/m);
    expectNoSecret(r);
  });

  it("get --json gives merged_from; explain --json gives snake_case fields and the layers", async () => {
    const got = JSON.parse(
      (await runBin(["--config", mergeConfig, "get", "warehouse", "--json"], { env: override })).stdout,
    );
    expect(got.source).toBe("merged");
    expect(got.merged_from.map((l: { source: string }) => l.source)).toEqual(["env", "file"]);

    const e = JSON.parse(
      (await runBin(["--config", mergeConfig, "explain", "warehouse", "--json"], { env: override })).stdout,
    );
    expect(e.fields).toMatchObject({ conn_type: "env", host: "file", "extra.sslmode": "env" });
    expect(e.merged.map((l: { source: string }) => l.source)).toEqual(["env", "file"]);
  });

  it("explain text says merged from env + file, and which layer gave each field", async () => {
    const r = await runBin(["--config", mergeConfig, "explain", "warehouse"], { env: override });
    expect(r.stdout.split("\n")[0]).toBe("warehouse: merged from env + file");
    expect(r.stdout).toMatch(/^\s+conn_type\s+env$/m);
  });
});

describe("explain", () => {
  it("names the configuration and why it was used; --json times are rounded to microseconds", async () => {
    const config = join(dir, "awsconn.config.yaml");
    const text = await runBin(["--config", config, "explain", "warehouse"]);
    expect(text.stdout).toContain(`configuration: ${config} (given with --config); connectionParser: task`);

    const found = await runBin(["explain", "warehouse", "--json"], { cwd: dir });
    const json = JSON.parse(found.stdout);
    expect(json.config).toEqual({ origin: config, reason: "working directory", connection_parser: "task" });
    for (const step of json.steps) expect(Math.round(step.ms * 1000)).toBeCloseTo(step.ms * 1000, 6);
    expect(json.steps.map((s: { cache: string }) => s.cache)).toEqual(["live", "live"]);

    const viaEnv = await runBin(["explain", "warehouse", "--json"], { env: { AWSCONN_CONFIG: config } });
    expect(JSON.parse(viaEnv.stdout).config.reason).toBe("AWSCONN_CONFIG");
  });

  it("--verbose names the configuration on stderr", async () => {
    const r = await runBin(["--verbose", "get", "warehouse"], {
      env: { AWSCONN_CONFIG: join(dir, "awsconn.config.yaml") },
    });
    expect(r.stderr).toMatch(/configuration: .*awsconn\.config\.yaml \(named by AWSCONN_CONFIG\)/);
  });
});
