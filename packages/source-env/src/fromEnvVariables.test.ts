import { describe, expect, it } from "vitest";
import { fromEnvVariables } from "./fromEnvVariables.js";

describe("fromEnvVariables", () => {
  it("reads AIRFLOW_VAR_ + the upper-cased key, raw", async () => {
    const vars = fromEnvVariables({
      env: { AIRFLOW_VAR_REGION: " eu-west-1 ", AIRFLOW_VAR_JSON: '{"a": 1}' },
    });
    expect(await vars.getVariable("region")).toEqual({
      value: " eu-west-1 ",
      origin: "env:AIRFLOW_VAR_REGION",
    });
    expect((await vars.getVariable("Json"))?.value).toBe('{"a": 1}');
  });

  it("an unset variable is not here; an empty one is the value ''", async () => {
    const vars = fromEnvVariables({ env: { AIRFLOW_VAR_EMPTY: "" } });
    expect(await vars.getVariable("missing")).toBeUndefined();
    expect(await vars.getVariable("empty")).toEqual({ value: "", origin: "env:AIRFLOW_VAR_EMPTY" });
  });

  it("takes a prefix, and never reads connections", async () => {
    const env = { MY_VAR_X: "1", AIRFLOW_CONN_X: "aws://" };
    expect((await fromEnvVariables({ prefix: "MY_VAR_", env }).getVariable("x"))?.value).toBe("1");
    expect(await fromEnvVariables({ env }).getVariable("x")).toBeUndefined();
  });

  it("refuses an aborted signal before reading", async () => {
    await expect(
      fromEnvVariables({ env: {} }).getVariable("x", { signal: AbortSignal.abort() }),
    ).rejects.toThrow();
  });

  it("listVariables: the lower-cased keys getVariable finds; with a team, its own non-empty ones and the global ones", async () => {
    const list = async (vars: ReturnType<typeof fromEnvVariables>) => {
      const keys: string[] = [];
      for await (const key of vars.listVariables?.() ?? []) keys.push(key);
      return keys.sort();
    };
    const env = {
      AIRFLOW_VAR_REGION: "eu-west-1",
      AIRFLOW_VAR_EMPTY: "",
      AIRFLOW_VAR_MixedCase: "not found by getVariable('mixedcase')",
      AIRFLOW_VAR__TEAM_A___DB: "team-a",
      AIRFLOW_VAR__TEAM_A___BLANK: "",
      AIRFLOW_VAR__TEAM_B___OTHER: "team-b",
      OTHER: "x",
    };
    expect(await list(fromEnvVariables({ env }))).toEqual([
      "_team_a___blank",
      "_team_a___db",
      "_team_b___other",
      "empty",
      "region",
    ]);
    expect(await list(fromEnvVariables({ env, team: "team_a", multiTeam: true }))).toEqual([
      "db",
      "empty",
      "region",
    ]);
  });
});
