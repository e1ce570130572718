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
});
