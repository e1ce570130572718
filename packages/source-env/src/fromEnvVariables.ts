import type { SourceCallOptions, TeamInit, VariableHit, VariableSource } from "@awsconn/core";
import { resolveTeam } from "@awsconn/core";
import { envTeamNames } from "./envTeamNames.js";
import { ENV_SOURCE_NAME } from "./fromEnv.js";

/** Airflow's `VAR_ENV_PREFIX` (with its `_`). */
export const DEFAULT_VARIABLES_ENV_PREFIX = "AIRFLOW_VAR_";

/** Options of {@link fromEnvVariables}; `team`/`multiTeam` as {@link TeamInit} (see `envTeamNames`). */
export interface EnvVariablesInit extends TeamInit {
  /** Variable-name prefix; the variable is `prefix + key.toUpperCase()`. Default `AIRFLOW_VAR_`. */
  prefix?: string;
  /** The environment to read, live on every call. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Airflow Variables from environment variables, as Airflow's `EnvironmentVariablesBackend.get_variable`:
 * `AIRFLOW_VAR_<KEY upper-cased>` holds the raw value. An unset variable is "not here"; a variable
 * set to `""` is the value `""` (Airflow returns it, since only `None` means "not found").
 *
 * - origin: `env:AIRFLOW_VAR_REGION`
 * - the value is returned as it is (no strip, no JSON parsing)
 * - with a `team`, `AIRFLOW_VAR__<TEAM>___<KEY>` is tried first (when non-empty, as Airflow); in
 *   multi-team mode a key containing `___` is "not here"
 *
 * @example
 * ```ts
 * const vars = fromEnvVariables();                      // AIRFLOW_VAR_* from process.env
 * const hit = await vars.getVariable("region");         // reads AIRFLOW_VAR_REGION
 * ```
 */
export function fromEnvVariables(init: EnvVariablesInit = {}): VariableSource {
  const prefix = init.prefix ?? DEFAULT_VARIABLES_ENV_PREFIX;
  const env = init.env ?? process.env;
  const names = envTeamNames(prefix, resolveTeam(init));
  return {
    name: ENV_SOURCE_NAME,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      options?.signal?.throwIfAborted();
      const [first, second] = names.lookup(key);
      // Airflow reads the team's variable only when it is non-empty, the global one even when "".
      const variable = second !== undefined && env[first as string] ? first : (second ?? first);
      if (variable === undefined) return undefined;
      const value = env[variable];
      return value === undefined ? undefined : { value, origin: `env:${variable}` };
    },
  };
}
