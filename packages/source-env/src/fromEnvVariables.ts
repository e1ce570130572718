import type { SourceCallOptions, VariableHit, VariableSource } from "@awsconn/core";
import { ENV_SOURCE_NAME } from "./fromEnv.js";

/** Airflow's `VAR_ENV_PREFIX` (with its `_`). */
export const DEFAULT_VARIABLES_ENV_PREFIX = "AIRFLOW_VAR_";

/** Options of {@link fromEnvVariables}. */
export interface EnvVariablesInit {
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
  return {
    name: ENV_SOURCE_NAME,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      options?.signal?.throwIfAborted();
      const variable = prefix + key.toUpperCase();
      const value = env[variable];
      return value === undefined ? undefined : { value, origin: `env:${variable}` };
    },
  };
}
