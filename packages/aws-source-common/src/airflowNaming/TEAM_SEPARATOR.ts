/**
 * The separator between a team name and a secret id in the AWS backends' team-scoped names
 * (amazon provider's `TEAM_SEP`, Airflow 3.3 multi-team): `<prefix><sep><team>--<id>`, tried
 * before the global `<prefix><sep><id>`; an id that contains it is refused in multi-team mode.
 * The environment backend uses `___` instead (`AIRFLOW_CONN__<TEAM>___<ID>`).
 *
 * @example
 * ```ts
 * buildPath("airflow/connections", `team_a${TEAM_SEPARATOR}aws_default`); // "airflow/connections/team_a--aws_default"
 * ```
 */
export const TEAM_SEPARATOR = "--";
