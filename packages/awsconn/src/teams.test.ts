import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { fromAirflowSettings } from "./airflowSettings.js";
import { createResolver } from "./createResolver.js";
import { discoverConfig } from "./discoverConfig.js";

const env = {
  AIRFLOW_CONN__TEAM_A___DB: "postgres://team-host",
  AIRFLOW_CONN_DB: "postgres://global-host",
  AIRFLOW_CONN_A___B: "postgres://ambiguous",
  AIRFLOW_VAR__TEAM_A___REGION: "eu-west-1",
  AIRFLOW_VAR_REGION: "us-east-1",
};

describe("resolver teams (Airflow 3.3 multi-team)", () => {
  it("env entries from config read the team's variables first", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const resolver = createResolver({ sources: [{ type: "env" }], team: "team_a" }, { env: {} });
      expect((await resolver.get("db")).host).toBe("team-host");
      expect((await resolver.getVariable("region")).value).toBe("eu-west-1");
      await expect(resolver.get("a___b")).rejects.toThrow(/a___b/);
      const global = createResolver({ sources: [{ type: "env" }] }, { env: {} });
      expect((await global.get("db")).host).toBe("global-host");
      expect((await global.get("a___b")).host).toBe("ambiguous");
      const multi = createResolver({ sources: [{ type: "env" }], multiTeam: true }, { env: {} });
      expect((await multi.get("db")).host).toBe("global-host");
      await expect(multi.get("a___b")).rejects.toThrow(/a___b/);
    } finally {
      for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
    }
  });

  it("AWSCONN_TEAM names the team when the config does not; the config's team wins", () => {
    expect(
      discoverConfig({ sources: [{ type: "env" }] }, { env: { AWSCONN_TEAM: "team_b" } }).config.team,
    ).toBe("team_b");
    expect(
      discoverConfig({ sources: [{ type: "env" }], team: "team_a" }, { env: { AWSCONN_TEAM: "team_b" } })
        .config.team,
    ).toBe("team_a");
    expect(
      discoverConfig(undefined, { env: { AWSCONN_TEAM: "team_b" }, cwd: "/nonexistent" }).config.team,
    ).toBe("team_b");
  });

  it("AIRFLOW__CORE__MULTI_TEAM is Airflow's [core] multi_team", () => {
    const backend = { AIRFLOW__SECRETS__BACKEND: "airflow.secrets.local_filesystem.LocalFilesystemBackend" };
    expect(fromAirflowSettings({ ...backend, AIRFLOW__CORE__MULTI_TEAM: "True" })?.multiTeam).toBe(true);
    expect(fromAirflowSettings({ ...backend, AIRFLOW__CORE__MULTI_TEAM: "0" })?.multiTeam).toBe(false);
    expect(fromAirflowSettings(backend)?.multiTeam).toBeUndefined();
    expect(() => fromAirflowSettings({ ...backend, AIRFLOW__CORE__MULTI_TEAM: "yes" })).toThrow(ConfigError);
    const found = discoverConfig(undefined, {
      env: { ...backend, AIRFLOW__CORE__MULTI_TEAM: "true" },
      cwd: "/nonexistent",
    });
    expect(found.config.multiTeam).toBe(true);
  });

  it("a bad team, or a team with multi-team mode off, is a ConfigError naming team", () => {
    expect(() => createResolver({ sources: [{ type: "env" }], team: "x" }, { env: {} })).toThrow(/team/);
    expect(() =>
      createResolver({ sources: [{ type: "env" }], team: "team_a", multiTeam: false }, { env: {} }),
    ).toThrow(ConfigError);
    expect(() => createResolver({ sources: [{ type: "env" }], team: 5 as never }, { env: {} })).toThrow(
      ConfigError,
    );
  });
});

describe("resolver teams: warnings", () => {
  it("a Variable key refused in multi-team mode by an AWS source is a TEAM_ID_REFUSED warning event", async () => {
    const events: { type: string; code?: string }[] = [];
    const resolver = createResolver(
      {
        sources: [{ type: "ssm", region: "us-east-1", endpoint: "http://127.0.0.1:9" }],
        team: "team_a",
        logger: (e) => events.push(e as { type: string; code?: string }),
      },
      { env: {} },
    );
    await expect(resolver.getVariable("x--y")).rejects.toThrow();
    expect(events.some((e) => e.type === "warning" && e.code === "TEAM_ID_REFUSED")).toBe(true);
  });
});
