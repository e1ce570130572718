import type { SSMClient } from "@aws-sdk/client-ssm";
import {
  type AwsClientInit,
  callDeadlineMs,
  compileLookupPattern,
  failureFor,
  lazyClient,
  trimPrefix,
} from "@awsconn/aws-source-common";
import type { SourceCallOptions, VariableHit, VariableSource } from "@awsconn/core";
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
export interface SsmVariablesInit extends AwsClientInit {
  /** Parameter name prefix (Airflow's `variables_prefix`). Default `/airflow/variables`; `""` means `/<key>`; `null` switches Variables off. */
  prefix?: string | null;
  /** Airflow's `variables_lookup_pattern`: Python `re.match`, case-insensitive; keys that do not match are never looked up. */
  lookupPattern?: string;
  /** A ready client (its own timeouts and retries apply; the call deadline still does). */
  client?: SSMClient;
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
  return {
    name: SSM_SOURCE_NAME,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      if (off || !matches(key)) return undefined;
      const name = parameterNameFor(prefix, key);
      const parameter = await readParameter(name, signal);
      if (!parameter || parameter.Value === undefined) return undefined;
      const origin = `${SSM_SOURCE_NAME}:${parameter.Name ?? name}`;
      const version = parameter.Version === undefined ? undefined : String(parameter.Version);
      return version
        ? { value: parameter.Value, origin: `${origin}#${version}`, version }
        : { value: parameter.Value, origin };
    },
  };
}
