import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { fromEnv } from "./fromEnv.js";
import { fromEnvVariables } from "./fromEnvVariables.js";

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const id of iterable) out.push(id);
  return out;
}

describe("env sources with a team (Airflow 3.3 multi-team)", () => {
  const env = {
    AIRFLOW_CONN__TEAM_A___DB: "postgres://team-a-host",
    AIRFLOW_CONN_DB: "postgres://global-host",
    AIRFLOW_CONN_ONLY_GLOBAL: "mysql://g",
    AIRFLOW_CONN__TEAM_B___SECRET: "postgres://b",
    AIRFLOW_CONN__TEAM_A___EMPTY: "",
    AIRFLOW_CONN_EMPTY: "postgres://global-empty",
    AIRFLOW_VAR__TEAM_A___REGION: "eu-west-1",
    AIRFLOW_VAR_REGION: "us-east-1",
    AIRFLOW_VAR__TEAM_A___BLANK: "",
    AIRFLOW_VAR_BLANK: "",
    AIRFLOW_VAR_A___B: "x",
  };

  it("tries AIRFLOW_CONN__<TEAM>___<ID> before AIRFLOW_CONN_<ID>", async () => {
    const source = fromEnv({ env, team: "team_a" });
    expect((await source.get("db"))?.origin).toBe("env:AIRFLOW_CONN__TEAM_A___DB");
    expect((await source.get("only_global"))?.origin).toBe("env:AIRFLOW_CONN_ONLY_GLOBAL");
    // An empty team variable is skipped, as Airflow's walrus test on it.
    expect((await source.get("empty"))?.origin).toBe("env:AIRFLOW_CONN_EMPTY");
    expect((await fromEnv({ env }).get("db"))?.origin).toBe("env:AIRFLOW_CONN_DB");
  });

  it("refuses ids containing ___ in multi-team mode only", async () => {
    const e = { AIRFLOW_CONN_A___B: "postgres://h" };
    expect(await fromEnv({ env: e, team: "team_a" }).get("a___b")).toBeUndefined();
    expect(await fromEnv({ env: e, multiTeam: true }).get("a___b")).toBeUndefined();
    expect((await fromEnv({ env: e }).get("a___b"))?.origin).toBe("env:AIRFLOW_CONN_A___B");
    // Another team's variable is not reachable through its spelled-out name.
    expect(await fromEnv({ env, team: "team_a" }).get("_team_b___secret")).toBeUndefined();
  });

  it("lists the team's own ids and the global ones, never another team's", async () => {
    const ids = (await collect(fromEnv({ env, team: "team_a" }).list!())).sort();
    expect(ids).toEqual(["db", "empty", "only_global"]);
  });

  it("Variables: the team's first when non-empty, the global one even when empty", async () => {
    const vars = fromEnvVariables({ env, team: "team_a" });
    expect(await vars.getVariable("region")).toEqual({
      value: "eu-west-1",
      origin: "env:AIRFLOW_VAR__TEAM_A___REGION",
    });
    expect(await vars.getVariable("blank")).toEqual({ value: "", origin: "env:AIRFLOW_VAR_BLANK" });
    expect(await vars.getVariable("a___b")).toBeUndefined();
    expect((await fromEnvVariables({ env }).getVariable("region"))?.value).toBe("us-east-1");
  });

  it("refuses a team that is not an Airflow team name, or a team with multiTeam: false", () => {
    expect(() => fromEnv({ env, team: "a" })).toThrow(ConfigError);
    expect(() => fromEnv({ env, team: "team a" })).toThrow(ConfigError);
    expect(() => fromEnvVariables({ env, team: "team_a", multiTeam: false })).toThrow(ConfigError);
  });
});
