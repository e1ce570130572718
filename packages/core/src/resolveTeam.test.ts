import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";
import { resolveTeam } from "./resolveTeam.js";

describe("resolveTeam", () => {
  it("multi-team mode is on exactly when a team is set, unless given", () => {
    expect(resolveTeam({})).toEqual({ team: undefined, multiTeam: false });
    expect(resolveTeam({ team: "team_a" })).toEqual({ team: "team_a", multiTeam: true });
    expect(resolveTeam({ multiTeam: true })).toEqual({ team: undefined, multiTeam: true });
    expect(resolveTeam({ team: "Team-A_1", multiTeam: true }).team).toBe("Team-A_1");
  });

  it("refuses what Airflow refuses: a bad team name, a team without multi-team mode", () => {
    for (const team of ["ab", "x".repeat(51), "team a", "team/a", "", "tëam"]) {
      expect(() => resolveTeam({ team })).toThrow(ConfigError);
    }
    expect(() => resolveTeam({ team: "team_a", multiTeam: false })).toThrow(/multi-team mode is off/);
    expect(() => resolveTeam({ multiTeam: "yes" as never })).toThrow(ConfigError);
  });
});
