import type { TeamScope } from "@awsconn/core";

/** The environment backend's team separator (Airflow's `environment_variables.TEAM_SEP`). */
export const ENV_TEAM_SEPARATOR = "___";

/** The variable names of one id in {@link envTeamNames}' scheme, and the reverse mapping. */
export interface EnvTeamNames {
  /** The variables to try, in order: the team's (`<prefix>_<TEAM>___<ID>`), then the global one; none when refused. */
  lookup(id: string): string[];
  /** The id a variable name serves (as written, not lower-cased), or `undefined` when it serves none. */
  idOf(name: string): string | undefined;
}

/**
 * Airflow 3.3's `EnvironmentVariablesBackend` names with teams: for team `team_a`, id `db` is
 * `AIRFLOW_CONN__TEAM_A___DB` first, then `AIRFLOW_CONN_DB` (team and id upper-cased; the team
 * name is only tried when its value is non-empty, so callers skip empty values). In multi-team
 * mode an id containing `___` is refused (Airflow returns `None` without reading), and another
 * team's variables serve no id.
 *
 * @example
 * ```ts
 * envTeamNames("AIRFLOW_CONN_", { team: "team_a", multiTeam: true }).lookup("db");
 * // ["AIRFLOW_CONN__TEAM_A___DB", "AIRFLOW_CONN_DB"]
 * ```
 */
export function envTeamNames(prefix: string, scope: TeamScope): EnvTeamNames {
  const teamHead =
    scope.team === undefined ? undefined : `${prefix}_${scope.team.toUpperCase()}${ENV_TEAM_SEPARATOR}`;
  const refused = (id: string) => scope.multiTeam && id.includes(ENV_TEAM_SEPARATOR);
  return {
    lookup(id) {
      if (refused(id)) return [];
      const global = prefix + id.toUpperCase();
      return teamHead === undefined ? [global] : [teamHead + id.toUpperCase(), global];
    },
    idOf(name) {
      if (teamHead !== undefined && name.startsWith(teamHead)) {
        const id = name.slice(teamHead.length);
        return refused(id) ? undefined : id;
      }
      if (!name.startsWith(prefix)) return undefined;
      const id = name.slice(prefix.length);
      return refused(id) ? undefined : id;
    },
  };
}
