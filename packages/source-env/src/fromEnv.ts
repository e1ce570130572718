import type {
  ConnectionParser,
  ConnectionSource,
  SourceCallOptions,
  SourceHit,
  TeamInit,
} from "@awsconn/core";
import {
  ConnectionFormatError,
  isValidConnId,
  parseConnectionValue,
  pythonStrip,
  resolveTeam,
  validateConnId,
} from "@awsconn/core";
import { envTeamNames } from "./envTeamNames.js";

/** The name of the environment-variable source. */
export const ENV_SOURCE_NAME = "env";

/** Airflow's `CONN_ENV_PREFIX`. */
export const DEFAULT_ENV_PREFIX = "AIRFLOW_CONN_";

/** Options of {@link fromEnv}; `team`/`multiTeam` as {@link TeamInit} (see {@link envTeamNames}). */
export interface EnvInit extends TeamInit {
  /** Variable-name prefix; the variable is `prefix + connId.toUpperCase()`. Default `AIRFLOW_CONN_`. */
  prefix?: string;
  /** The environment to read, live on every call. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Airflow's connection parser to read values with: `"task"` (the Task SDK's, what a task on a
   * worker builds from `AIRFLOW_CONN_*`: `?timeout=30` is `"30"`) or `"server"`
   * (`airflow.models.Connection`: `30`). Default `"task"`.
   */
  parser?: ConnectionParser;
}

/**
 * Connections from environment variables, as Airflow's `EnvironmentVariablesBackend`:
 * `AIRFLOW_CONN_<CONN_ID upper-cased>` holds a URI or, when it starts with `{` (after stripping
 * whitespace), Airflow's connection JSON. An unset or empty variable means "not here".
 *
 * - origin: `env:AIRFLOW_CONN_AWS_DEFAULT`
 * - a malformed value, or one of only whitespace (Airflow fails on it too), is a
 *   `ConnectionFormatError` naming the variable, never its value
 * - `list()` yields, lower-cased, the id of every prefixed variable with a non-empty value whose
 *   id is valid (Airflow itself cannot list; lower case because ids are conventionally lower case
 *   and `get` upper-cases anyway)
 * - with a `team`, `AIRFLOW_CONN__<TEAM>___<ID>` is tried first (when non-empty); in multi-team
 *   mode an id containing `___` is "not here" and `list()` yields only the team's own and global ids
 *
 * @example
 * ```ts
 * const env = fromEnv();                                      // AIRFLOW_CONN_* from process.env
 * const hit = await env.get("aws_default");                   // reads AIRFLOW_CONN_AWS_DEFAULT
 * const custom = fromEnv({ prefix: "MYAPP_CONN_", env: { MYAPP_CONN_DB: "postgres://h/db" } });
 * ```
 */
export function fromEnv(init: EnvInit = {}): ConnectionSource {
  const prefix = init.prefix ?? DEFAULT_ENV_PREFIX;
  const env = init.env ?? process.env;
  const parse = init.parser === undefined ? undefined : { parser: init.parser };
  const names = envTeamNames(prefix, resolveTeam(init));
  return {
    name: ENV_SOURCE_NAME,

    async get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined> {
      options?.signal?.throwIfAborted();
      validateConnId(connId);
      const variable = names.lookup(connId).find((name) => env[name]);
      if (variable === undefined) return undefined;
      const raw = env[variable] as string;
      const origin = `env:${variable}`;
      const value = pythonStrip(raw);
      if (value === "") throw new ConnectionFormatError("the value is only whitespace", { origin });
      try {
        return { connection: parseConnectionValue(value, connId, parse), origin };
      } catch (error) {
        // Only our own errors are kept as the cause: a foreign parser error may quote the value.
        if (error instanceof ConnectionFormatError)
          throw new ConnectionFormatError(error.reason, { origin, cause: error });
        throw new ConnectionFormatError("not a valid connection URI or JSON", { origin });
      }
    },

    async *list(options?: SourceCallOptions): AsyncIterable<string> {
      options?.signal?.throwIfAborted();
      const seen = new Set<string>();
      for (const name of Object.keys(env)) {
        if (!env[name]) continue;
        const id = names.idOf(name)?.toLowerCase();
        if (id !== undefined && !seen.has(id) && isValidConnId(id)) {
          seen.add(id);
          yield id;
        }
      }
    },
  };
}
