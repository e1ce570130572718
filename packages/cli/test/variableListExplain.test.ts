// awsconn variable list / explain through the built binary: keys only, never a value; a planted
// secret never shows, with or without --json.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, MARKER } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

// the planted secret's alphanumeric marker: a plain YAML scalar and env value
const SECRET = MARKER;
const SOURCES = [
  "  - type: env",
  "  - type: file",
  "    path: connections.json",
  "    variablesPath: variables.yaml",
];
let dir: string;
let config: string;
let variables: string;

beforeAll(() => {
  requireBuiltBin();
  dir = mkdtempSync(join(tmpdir(), "awsconn-cli-varlist-"));
  const files: Record<string, string> = {
    "variables.yaml": `bucket: from-file\napi_token: ${SECRET}\n`,
    "connections.json": "{}",
    "awsconn.config.yaml": ["sources:", ...SOURCES, "  - type: ssm", "    region: us-east-1", ""].join("\n"),
    "no-ssm.yaml": ["sources:", ...SOURCES, ""].join("\n"),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  variables = join(dir, "variables.yaml");
  config = join(dir, "awsconn.config.yaml");
});

const env = { AIRFLOW_VAR_REGION: "eu-west-1", AIRFLOW_VAR_DB_PASSWORD: SECRET };

describe("variable list", () => {
  it("source<TAB>key lines in priority order; SSM named on stderr as unable to list", async () => {
    const r = await runBin(["--config", config, "variable", "list"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("env\tdb_password\nenv\tregion\nfile\tapi_token\nfile\tbucket\n");
    expect(r.stderr).toContain("ssm: cannot list Variables (not supported for this source); skipped");
    expectNoSecret(r);
  });

  it("--json: keys by source, null for a source that cannot list; --source picks one", async () => {
    const r = await runBin(["--config", config, "variable", "list", "--json"], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      env: ["db_password", "region"],
      file: ["api_token", "bucket"],
      ssm: null,
    });
    expectNoSecret(r);
    const one = await runBin(["--config", config, "variable", "list", "--source", "file", "--json"]);
    expect(JSON.parse(one.stdout)).toEqual({ file: ["api_token", "bucket"] });
    const none = await runBin(["--config", config, "variable", "list", "--source", "vault"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no configured Variable source is named "vault" \(configured: env, file, ssm\)/,
    );
  });
});

describe("variable explain", () => {
  it("every source consulted with outcome and origin; never the value, even with --show-secrets", async () => {
    const r = await runBin(["--config", config, "--show-secrets", "variable", "explain", "api_token"], {
      env,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`api_token: found in file (file:${variables}:2)`);
    expect(r.stdout).toMatch(/1\s+env\s+miss/);
    expect(r.stdout).toMatch(/2\s+file\s+hit/);
    expectNoSecret(r);
    const fromEnv = await runBin(["--config", config, "variable", "explain", "db_password"], { env });
    expect(fromEnv.stdout).toContain("db_password: found in env (env:AIRFLOW_VAR_DB_PASSWORD)");
    expectNoSecret(fromEnv);
  });

  it("--json: key, config, winner and steps; exit 3 when no source has it", async () => {
    const r = await runBin(["--config", config, "variable", "explain", "bucket", "--json"], { env });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      key: "bucket",
      winner: { source: "file", origin: `file:${variables}:1` },
      steps: [
        { source: "env", outcome: "miss", cache: "live" },
        { source: "file", outcome: "hit", cache: "live", origin: `file:${variables}:1` },
      ],
    });
    expect(json).not.toHaveProperty("conn_id");
    expect(json.config).toMatchObject({ origin: config, reason: "explicit" });

    const noSsm = join(dir, "no-ssm.yaml");
    const absent = await runBin(["--config", noSsm, "variable", "explain", "absent"]);
    expect(absent.code).toBe(3);
    expect(absent.stdout).toContain("absent: not found in any source");
  });

  it("--help shows examples", async () => {
    const r = await runBin(["variable", "explain", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("awsconn variable explain region --json");
    const list = await runBin(["variable", "list", "--help"]);
    expect(list.stdout).toContain("awsconn variable list --source file --json");
    const group = await runBin(["variable", "--help"]);
    expect(group.stdout).toMatch(/get[\s\S]*list[\s\S]*explain/);
  });
});
