import { resolve } from "node:path";
import type { OnSourceWarning } from "@awsconn/aws-source-common";
import {
  type SourceCallOptions,
  type TeamInit,
  type VariableHit,
  type VariableSource,
  loadOnce,
} from "@awsconn/core";
import { fromEnvVariables } from "@awsconn/source-env";
import { fromVariablesFile } from "@awsconn/source-file";
import { backendClientSettings } from "./backendClientSettings.js";
import { cannotListError } from "./cannotList.js";
import { withoutOwn } from "./createSource.js";
import type { SourceConfig } from "./types.js";

type AwsEntry = SourceConfig & { type: "secretsmanager" | "ssm" };

/**
 * The {@link VariableSource} of one `sources` config entry, or `undefined` when the entry serves no
 * Variables: `env` reads `variablesPrefix` (default `AIRFLOW_VAR_`; `null`: none), `file` reads its
 * `variablesPath` (none without it), `secretsmanager` and `ssm` read `variablesPrefix` (Airflow's
 * defaults `airflow/variables` and `/airflow/variables`; `null`: none) with
 * `variablesLookupPattern`, their package and the AWS SDK loaded on the first lookup, their client
 * built as the entry's connection source builds its own (`region`, `endpoint`, `profile`,
 * `roleArn`, timeouts, `clientExtra`). Plugins serve no Variables. `team` is every source's
 * team options (the config's `team` and `multiTeam`); `onWarning` receives an AWS source's
 * warnings (`TEAM_ID_REFUSED`). Every source lists its keys (`listVariables`): env and file read
 * them; an AWS source loads its package and the SDK on the first listing (as on the first lookup;
 * a failed load is retried on the next call) and lists with `ListSecrets` / `GetParametersByPath`.
 *
 * @example
 * ```ts
 * variableSourceFor({ type: "ssm", region: "eu-west-1" }, process.cwd()); // /airflow/variables/<key>
 * variableSourceFor({ type: "file", path: "conns.yaml" }, process.cwd()); // undefined
 * ```
 */
export function variableSourceFor(
  entry: SourceConfig,
  baseDir: string,
  team: TeamInit = {},
  onWarning?: OnSourceWarning,
): VariableSource | undefined {
  switch (entry.type) {
    case "env":
      if (entry.variablesPrefix === null) return undefined;
      return fromEnvVariables({
        ...(entry.variablesPrefix === undefined ? {} : { prefix: entry.variablesPrefix }),
        ...team,
      });
    case "file":
      return entry.variablesPath === undefined
        ? undefined
        : fromVariablesFile({ path: resolve(baseDir, entry.variablesPath), ...team });
    case "secretsmanager":
    case "ssm":
      if (entry.variablesPrefix === null) return undefined;
      return lazyVariables(entry.type, () => loadAws(entry, team, onWarning));
    default:
      return undefined;
  }
}

function lazyVariables(name: string, load: () => Promise<VariableSource>): VariableSource {
  const source = loadOnce(load);
  return {
    name,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      options?.signal?.throwIfAborted();
      return (await source()).getVariable(key, options);
    },
    async *listVariables(options?: SourceCallOptions): AsyncIterable<string> {
      options?.signal?.throwIfAborted();
      const real = await source();
      if (!real.listVariables) throw cannotListError(name, "Variables");
      yield* real.listVariables(options);
    },
  };
}

async function loadAws(
  entry: AwsEntry,
  team: TeamInit,
  onWarning?: OnSourceWarning,
): Promise<VariableSource> {
  const {
    type,
    clientExtra,
    region,
    endpoint,
    profile,
    roleArn,
    connectTimeoutMs,
    requestTimeoutMs,
    variablesPrefix,
    variablesLookupPattern,
  } = entry;
  const init = {
    ...team,
    ...(onWarning ? { onWarning } : {}),
    ...(region === undefined ? {} : { region }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(profile === undefined ? {} : { profile }),
    ...(roleArn === undefined ? {} : { roleArn }),
    ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
    ...(variablesPrefix === undefined || variablesPrefix === null ? {} : { prefix: variablesPrefix }),
    ...(variablesLookupPattern === undefined ? {} : { lookupPattern: variablesLookupPattern }),
    ...(clientExtra
      ? { clientSettings: withoutOwn(await backendClientSettings(type, clientExtra), entry) }
      : {}),
  };
  if (entry.type === "secretsmanager") {
    const { fromSecretsManagerVariables } = await import("@awsconn/source-secrets-manager");
    return fromSecretsManagerVariables({ ...init, ...(entry.sep === undefined ? {} : { sep: entry.sep }) });
  }
  const { fromSsmVariables } = await import("@awsconn/source-ssm");
  return fromSsmVariables(init);
}
