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
 * - `listVariables()` yields, lower-cased, the key of every prefixed variable that is set (the
 *   team's own, non-empty, and the global ones; Airflow itself cannot list; lower case because
 *   `getVariable` upper-cases the key anyway)
 *
 * @example
 * ```ts
 * const vars = fromEnvVariables();                      // AIRFLOW_VAR_* from process.env
 * const hit = await vars.getVariable("region");         // reads AIRFLOW_VAR_REGION
 * for await (const key of vars.listVariables?.() ?? []) console.log(key); // region, ...
 * ```
 */
export function fromEnvVariables(init: EnvVariablesInit = {}): VariableSource {
  const prefix = init.prefix ?? DEFAULT_VARIABLES_ENV_PREFIX;
  const env = init.env ?? process.env;
  const names = envTeamNames(prefix, resolveTeam(init));
  /** The variable that holds the key, if any is to be read. */
  const variableOf = (key: string): string | undefined => {
    const [first, second] = names.lookup(key);
    // Airflow reads the team's variable only when it is non-empty, the global one even when "".
    return second !== undefined && env[first as string] ? first : (second ?? first);
  };
  return {
    name: ENV_SOURCE_NAME,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      options?.signal?.throwIfAborted();
      const variable = variableOf(key);
      if (variable === undefined) return undefined;
      const value = env[variable];
      return value === undefined ? undefined : { value, origin: `env:${variable}` };
    },
    async *listVariables(options?: SourceCallOptions): AsyncIterable<string> {
      options?.signal?.throwIfAborted();
      const seen = new Set<string>();
      for (const name of Object.keys(env)) {
        const key = names.idOf(name)?.toLowerCase();
        if (key === undefined || key === "" || seen.has(key)) continue;
        // only a key getVariable finds (an empty team variable serves nothing by itself)
        const variable = variableOf(key);
        if (variable === undefined || env[variable] === undefined) continue;
        seen.add(key);
        yield key;
      }
    },
  };
}
