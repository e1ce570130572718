import { ConfigError } from "./errors.js";

/** Airflow 3.3's team-name rule (`airflow teams create`): 3 to 50 of `a-z A-Z 0-9 _ -`. */
const TEAM_NAME = /^[a-zA-Z0-9_-]{3,50}$/;

/** The team options every source takes (Airflow 3.3 multi-team). */
export interface TeamInit {
  /**
   * The team the reader belongs to (Airflow: the team of the task's DAG bundle). Its team-scoped
   * names are tried before the global ones. Default: none (global names only).
   */
  team?: string;
  /**
   * Airflow's `[core] multi_team`: when on, an id that contains the team separator is refused
   * ("not here", as Airflow returns `None`), with or without a `team`. Default: on exactly when a
   * `team` is set. `false` with a `team` is a `ConfigError`, as Airflow raises on it.
   */
  multiTeam?: boolean;
}

/** {@link TeamInit} checked and defaulted. */
export interface TeamScope {
  /** The team, or `undefined`. */
  readonly team: string | undefined;
  /** Whether multi-team mode is on (ids containing the separator are refused). */
  readonly multiTeam: boolean;
}

/**
 * Checks and defaults a source's team options: `team` must be an Airflow team name
 * (`^[a-zA-Z0-9_-]{3,50}$`), `multiTeam` defaults to `team !== undefined`, and a team without
 * multi-team mode is refused (Airflow: "Multi-team mode is not configured ... but the task ...
 * belongs to a team").
 *
 * @example
 * ```ts
 * resolveTeam({ team: "team_a" });   // { team: "team_a", multiTeam: true }
 * resolveTeam({});                   // { team: undefined, multiTeam: false }
 * resolveTeam({ multiTeam: true });  // { team: undefined, multiTeam: true }
 * ```
 */
export function resolveTeam(init: TeamInit, path = "team"): TeamScope {
  const { team, multiTeam } = init;
  if (team !== undefined && (typeof team !== "string" || !TEAM_NAME.test(team))) {
    throw new ConfigError("must be an Airflow team name: 3 to 50 of a-z, A-Z, 0-9, _ and -", { path });
  }
  if (multiTeam !== undefined && typeof multiTeam !== "boolean") {
    throw new ConfigError("must be true or false", { path: "multiTeam" });
  }
  if (team !== undefined && multiTeam === false) {
    throw new ConfigError(
      "a team is set but multi-team mode is off; set multiTeam (Airflow's [core] multi_team) to true or drop the team",
      { path },
    );
  }
  return { team, multiTeam: multiTeam ?? team !== undefined };
}
