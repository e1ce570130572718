// --team NAME through the built binary: the team's env names first, ids with the separator refused.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireBuiltBin, runBin } from "./runBin.js";

const env = {
  AIRFLOW_CONN__TEAM_A___DB: "postgres://team-host",
  AIRFLOW_CONN_DB: "postgres://global-host",
  AIRFLOW_CONN_A___B: "postgres://ambiguous-host",
  AIRFLOW_VAR__TEAM_A___BUCKET: "team-bucket",
  AIRFLOW_VAR_BUCKET: "global-bucket",
};
let config: string;

beforeAll(() => {
  requireBuiltBin();
  const dir = mkdtempSync(join(tmpdir(), "awsconn-cli-team-"));
  config = join(dir, "awsconn.config.yaml");
  writeFileSync(config, "sources:\n  - type: env\n");
});

describe("--team", () => {
  it("reads the team's connection and Variable first, with or without --config", async () => {
    const team = await runBin(["--team", "team_a", "get", "db", "--json"], { env });
    expect(team.code).toBe(0);
    expect(JSON.parse(team.stdout).host).toBe("team-host");
    const withConfig = await runBin(["--config", config, "--team", "team_a", "get", "db", "--json"], { env });
    expect(JSON.parse(withConfig.stdout).host).toBe("team-host");
    const variable = await runBin(["--team", "team_a", "variable", "get", "bucket"], { env });
    expect(variable.stdout).toBe("team-bucket\n");
    const global = await runBin(["get", "db", "--json"], { env });
    expect(JSON.parse(global.stdout).host).toBe("global-host");
  });

  it("AWSCONN_TEAM is the default; an id with ___ is not found in multi-team mode", async () => {
    const fromEnv = await runBin(["get", "db", "--json"], { env: { ...env, AWSCONN_TEAM: "team_a" } });
    expect(JSON.parse(fromEnv.stdout).host).toBe("team-host");
    const refused = await runBin(["--team", "team_a", "get", "a___b"], { env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).not.toContain("ambiguous-host");
  });

  it("a name that is not an Airflow team name is a configuration error naming team", async () => {
    const r = await runBin(["--team", "x", "get", "db"], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/team/);
  });
});

describe("--team in the configuration line", () => {
  it("--verbose names the team", async () => {
    const r = await runBin(["--verbose", "--team", "team_a", "get", "db"], { env });
    expect(r.stderr).toMatch(/connectionParser: task; team: team_a/);
  });
});
