import type { SSMClient } from "@aws-sdk/client-ssm";
import {
  type AwsClientInit,
  type OnSourceWarning,
  awsTeamNames,
  callDeadlineMs,
  compileLookupPattern,
  failureFor,
  lazyClient,
  trimPrefix,
} from "@awsconn/aws-source-common";
import type { SourceCallOptions, TeamInit, VariableHit, VariableSource } from "@awsconn/core";
import { createSsmClient } from "./createSsmClient.js";
import { SSM_SOURCE_NAME } from "./fromSsm.js";
import { parameterNameFor } from "./parameterNameFor.js";
import { parameterReader } from "./parameterReader.js";

/** Airflow's default `variables_prefix` of the SSM backend. */
export const DEFAULT_SSM_VARIABLES_PREFIX = "/airflow/variables";

/**
 * Options of {@link fromSsmVariables}.
 *
 * @example
 * ```ts
 * const init: SsmVariablesInit = { region: "eu-west-1", prefix: "/airflow/variables" };
 * ```
 */
export interface SsmVariablesInit extends AwsClientInit, TeamInit {
  /** Parameter name prefix (Airflow's `variables_prefix`). Default `/airflow/variables`; `""` means `/<key>`; `null` switches Variables off. */
  prefix?: string | null;
  /** Airflow's `variables_lookup_pattern`: Python `re.match`, case-insensitive; keys that do not match are never looked up. */
  lookupPattern?: string;
  /** A ready client (its own timeouts and retries apply; the call deadline still does). */
  client?: SSMClient;
  /** Told when a key is refused in multi-team mode (`TEAM_ID_REFUSED`). */
  onWarning?: OnSourceWarning;
}

/**
 * Airflow Variables from AWS SSM Parameter Store, as the amazon provider's
 * `SystemsManagerParameterStoreBackend.get_variable`: `GetParameter(Name = prefix + "/" + key,
 * WithDecryption = true)`, a leading `/` ensured (`/airflow/variables/<key>` by default); the raw
 * parameter `Value` is the value. `@aws-sdk/client-ssm` is loaded on first use, with the
 * connection source's client defaults (`createSsmClient`).
 *
 * - `prefix: null`: every key is "not here" without a request (Airflow's `variables_prefix=None`)
 * - `lookupPattern`: a key that does not match is "not here" without a request
 * - `ParameterNotFound` -> "not here"; every other failure -> `SourceError`
 * - origin `ssm:<Name>#<Version>`, `version` = the parameter version
 * - `team` (Airflow 3.3): `/<prefix>/<team>--<key>` first, then `/<prefix>/<key>`; in multi-team
 *   mode a key containing `--` is "not here" (`awsTeamNames`)
 *
 * @example
 * ```ts
 * const vars = fromSsmVariables({ region: "eu-west-1" });
 * const hit = await vars.getVariable("region"); // /airflow/variables/region
 * ```
 */
export function fromSsmVariables(init: SsmVariablesInit = {}): VariableSource {
  const off = init.prefix === null;
  const prefix = trimPrefix(init.prefix === undefined ? DEFAULT_SSM_VARIABLES_PREFIX : init.prefix, "/");
  const matches = compileLookupPattern(init.lookupPattern, "variablesLookupPattern");
  const client = lazyClient<SSMClient>(init.client, () => createSsmClient(init));
  const sdk = lazyClient(undefined, () => import("@aws-sdk/client-ssm"));
  const fail = failureFor(SSM_SOURCE_NAME);
  const readParameter = parameterReader({ sdk, client, fail, deadlineMs: callDeadlineMs(init) });
  const teams = awsTeamNames(init, SSM_SOURCE_NAME, init.onWarning);
  return {
    name: SSM_SOURCE_NAME,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      if (off || teams.refuses(key) || !matches(key)) return undefined;
      const scoped = teams.scoped(key);
      const teamName = scoped === undefined ? undefined : parameterNameFor(prefix, scoped);
      const teamParameter = teamName === undefined ? undefined : await readParameter(teamName, signal);
      const name = teamParameter ? (teamName as string) : parameterNameFor(prefix, key);
      const parameter = teamParameter ?? (await readParameter(name, signal));
      if (!parameter || parameter.Value === undefined) return undefined;
      const origin = `${SSM_SOURCE_NAME}:${parameter.Name ?? name}`;
      const version = parameter.Version === undefined ? undefined : String(parameter.Version);
      return version
        ? { value: parameter.Value, origin: `${origin}#${version}`, version }
        : { value: parameter.Value, origin };
    },
  };
}
