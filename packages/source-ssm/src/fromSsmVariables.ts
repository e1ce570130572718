import type { SSMClient } from "@aws-sdk/client-ssm";
import {
  type AwsClientInit,
  type OnSourceWarning,
  awsSourceKit,
  awsVariableSource,
  listKeysUnder,
} from "@awsconn/aws-source-common";
import type { SourceCallOptions, TeamInit, VariableSource } from "@awsconn/core";
import { createSsmClient } from "./createSsmClient.js";
import { SSM_SOURCE_NAME } from "./fromSsm.js";
import { parameterLister } from "./parameterLister.js";
import { parameterNameFor } from "./parameterNameFor.js";
import { parameterReader } from "./parameterReader.js";
import { loadSsmSdk } from "./loadSsmSdk.js";

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
 * - `listVariables()` (awsconn's, Airflow's backend cannot list): `GetParametersByPath` under the
 *   prefix (recursive, values not decrypted or read; IAM `ssm:GetParametersByPath`), the keys the
 *   lookup pattern accepts, as connections' `list()`: in multi-team mode the team's
 *   `<team>--<key>` as `<key>`, the global keys, no other team's; a failure is a `SourceError`
 *
 * @example
 * ```ts
 * const vars = fromSsmVariables({ region: "eu-west-1" });
 * const hit = await vars.getVariable("region"); // /airflow/variables/region
 * for await (const key of vars.listVariables?.() ?? []) console.log(key); // region, ...
 * ```
 */
export function fromSsmVariables(init: SsmVariablesInit = {}): VariableSource {
  const { prefix, off, matches, client, sdk, fail, deadlineMs } = awsSourceKit(SSM_SOURCE_NAME, init, {
    defaultPrefix: DEFAULT_SSM_VARIABLES_PREFIX,
    sep: "/",
    patternPath: "variablesLookupPattern",
    createClient: () => createSsmClient(init),
    loadSdk: loadSsmSdk,
  });
  const readParameter = parameterReader({ sdk, client, fail, deadlineMs });
  const listParameters = parameterLister({ sdk, client, fail, deadlineMs, prefix, off });
  return awsVariableSource({
    name: SSM_SOURCE_NAME,
    init,
    off,
    matches,
    read: (storedKey, signal) => readParameter(parameterNameFor(prefix, storedKey), signal),
    hitOf(parameter, storedKey) {
      if (parameter.Value === undefined) return undefined;
      const origin = `${SSM_SOURCE_NAME}:${parameter.Name ?? parameterNameFor(prefix, storedKey)}`;
      const version = parameter.Version === undefined ? undefined : String(parameter.Version);
      return version
        ? { value: parameter.Value, origin: `${origin}#${version}`, version }
        : { value: parameter.Value, origin };
    },
    list: (options?: SourceCallOptions) =>
      listParameters((head, pages) => listKeysUnder(head, () => true, pages), options),
  });
}
