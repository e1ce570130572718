import { type TeamInit, resolveTeam } from "@awsconn/core";
import type { OnSourceWarning } from "../SourceWarning.js";
import { TEAM_SEPARATOR } from "./TEAM_SEPARATOR.js";

/** The team side of an AWS source's names ({@link awsTeamNames}). */
export interface AwsTeamNames {
  /** The team, or `undefined`. */
  readonly team: string | undefined;
  /**
   * Whether the id is refused (multi-team mode and the id contains `--`): the source answers "not
   * here" without a request and warns `TEAM_ID_REFUSED`, as Airflow logs a warning and returns `None`.
   */
  refuses(id: string): boolean;
  /** The team-scoped id `<team>--<id>` to try before the id itself, or `undefined` without a team. */
  scoped(id: string): string | undefined;
  /**
   * The ids a caller of this team can read, from the ids stored under the prefix: in multi-team
   * mode the team's own `<team>--<id>` as `<id>`, the global ids, and no other id with `--`
   * (each id once); otherwise the stored ids as they are. `keeps` (the lookup pattern) is asked
   * about the id a caller would look up, not the stored name: Airflow matches the pattern against
   * the id before it builds the team-scoped name, so `<team>--aws_x` is listed under `^aws_`.
   */
  visible(stored: AsyncIterable<string>, keeps: (id: string) => boolean): AsyncIterable<string>;
}

/**
 * The amazon provider's multi-team rules (Airflow 3.3, `SecretsManagerBackend` and
 * `SystemsManagerParameterStoreBackend`): with a team, `<prefix>/<team>--<id>` is tried first and
 * the global `<prefix>/<id>` after it when the first is not found; in multi-team mode
 * (`[core] multi_team`, see `resolveTeam` of `@awsconn/core`) an id containing `--` is refused,
 * with or without a team, because `a` + `b--c` and `a--b` + `c` build the same name.
 *
 * @example
 * ```ts
 * const teams = awsTeamNames({ team: "team_a" }, "ssm", onWarning);
 * teams.scoped("db");      // "team_a--db"
 * teams.refuses("x--y");   // true (and TEAM_ID_REFUSED is sent to onWarning)
 * teams.visible(ids, () => true); // "team_a--db", "db", "team_b--x" -> "db"
 * ```
 */
export function awsTeamNames(init: TeamInit, source: string, onWarning?: OnSourceWarning): AwsTeamNames {
  const { team, multiTeam } = resolveTeam(init);
  return {
    team,
    refuses(id) {
      if (!multiTeam || !id.includes(TEAM_SEPARATOR)) return false;
      onWarning?.({
        code: "TEAM_ID_REFUSED",
        message: `${source}: id ${JSON.stringify(id)} contains "${TEAM_SEPARATOR}", which separates the team from the id in a team-scoped name; in multi-team mode such an id is ambiguous and not looked up`,
      });
      return true;
    },
    scoped(id) {
      return team === undefined ? undefined : `${team}${TEAM_SEPARATOR}${id}`;
    },
    async *visible(stored, keeps) {
      if (!multiTeam) {
        for await (const id of stored) if (keeps(id)) yield id;
        return;
      }
      const own = team === undefined ? undefined : `${team}${TEAM_SEPARATOR}`;
      const seen = new Set<string>();
      for await (const raw of stored) {
        const id = own !== undefined && raw.startsWith(own) ? raw.slice(own.length) : raw;
        if (id.includes(TEAM_SEPARATOR) || seen.has(id)) continue;
        seen.add(id);
        if (keeps(id)) yield id;
      }
    },
  };
}
