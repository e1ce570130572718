/**
 * Which of Airflow 3's two connection parsers awsconn follows when it reads a URI or JSON value
 * ({@link DEFAULT_CONNECTION_PARSER}, `"task"`, when none is named):
 *
 * - `"task"` — `airflow.sdk.definitions.connection.Connection`, what a task on an Airflow 3
 *   worker builds from secrets-backend and environment values: query values stay strings
 *   (`?timeout=30` is `"30"`, `?verify=false` is `"false"`), `user:@host` and `"password": ""`
 *   keep `""` as the password.
 * - `"server"` — `airflow.models.Connection` (scheduler, API server, `airflow connections`): a
 *   query value that is JSON becomes that value (`30`, `false`), an empty password is absent.
 *
 * Both refuse what awsconn cannot hold: an extra that is not a JSON object, and a JSON password
 * that is not a string (the Task SDK keeps them: its `extra_dejson` is then not a dict, or
 * `{}` after logging an error; listed conformance deviations).
 *
 * @example
 * ```ts
 * parseConnectionUri("aws://h?timeout=30", "x").extra.timeout;                      // "30"
 * parseConnectionUri("aws://h?timeout=30", "x", { parser: "server" }).extra.timeout; // 30
 * ```
 */
export type ConnectionParser = "task" | "server";

/**
 * The parser awsconn follows when none is named: the Task SDK's, since awsconn's users read
 * connections as a task on a worker does.
 *
 * @example
 * ```ts
 * const parser = options.parser ?? DEFAULT_CONNECTION_PARSER; // "task"
 * ```
 */
export const DEFAULT_CONNECTION_PARSER: ConnectionParser = "task";
