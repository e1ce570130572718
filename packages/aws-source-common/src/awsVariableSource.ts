import type { SourceCallOptions, TeamInit, VariableHit, VariableSource } from "@awsconn/core";
import { awsTeamNames } from "./airflowNaming/awsTeamNames.js";
import type { OnSourceWarning } from "./SourceWarning.js";

/** The backend side of an AWS Variables source; see {@link awsVariableSource}. */
export interface AwsVariableSourceInit<T> {
  /** The source name (`secretsmanager`, `ssm`). */
  name: string;
  /** The team options (`team`, `multiTeam`) and where a refused key is told (`TEAM_ID_REFUSED`). */
  init: TeamInit & { onWarning?: OnSourceWarning | undefined };
  /** `variables_prefix: null`: Variables are switched off, no key is looked up. */
  off: boolean;
  /** The compiled `variables_lookup_pattern` (Python's `re.match`), or "every key". */
  matches: (key: string) => boolean;
  /** Whether a team-scoped key is tried at all (Secrets Manager skips it with an empty prefix). Default: yes. */
  scopedNames?: boolean;
  /** Reads the value stored under `storedKey` (the key itself, or its team-scoped key): `undefined` when not found. */
  read(storedKey: string, signal: AbortSignal | undefined): Promise<T | undefined>;
  /** The hit of what `read` found under `storedKey`, or `undefined` ("not here"). */
  hitOf(found: T, storedKey: string): VariableHit | undefined;
  /**
   * The stored keys under the prefix (team-scoped ones included) that the lookup pattern accepts;
   * callers see the team's view. Absent: the source cannot list its Variables.
   */
  list?(options?: SourceCallOptions): AsyncIterable<string>;
}

/**
 * The `VariableSource` of an AWS backend, as the amazon provider's `get_variable`: an aborted
 * signal throws; with Variables off, a key the team rules refuse (multi-team mode and `--`) or one
 * that does not match the lookup pattern, "not here" without a request; else the team-scoped key
 * first (with a team), then the key itself when that is not found. No conn-id rule applies to
 * keys (Airflow checks none for Variables). `listVariables` (with `list`) shows the team's view
 * of the stored keys, as connections' `list` does (`awsTeamNames.visible`): in multi-team mode the
 * team's own `<team>--<key>` as `<key>`, the global keys, no other key with `--`.
 *
 * @example
 * ```ts
 * const vars = awsVariableSource({
 *   name: "ssm", init, off, matches,
 *   read: (storedKey, signal) => readParameter(`/airflow/variables/${storedKey}`, signal),
 *   hitOf: (parameter) => ({ value: parameter.Value ?? "", origin: `ssm:${parameter.Name}` }),
 *   list: (options) => listStoredKeys(options), // GetParametersByPath under /airflow/variables
 * });
 * await vars.getVariable("region");
 * for await (const key of vars.listVariables?.() ?? []) console.log(key);
 * ```
 */
export function awsVariableSource<T>(spec: AwsVariableSourceInit<T>): VariableSource {
  const { name, init, off, matches, scopedNames = true, read, hitOf, list } = spec;
  const teams = awsTeamNames(init, name, init.onWarning);
  return {
    name,
    ...(list
      ? { listVariables: (options?: SourceCallOptions) => teams.visible(list(options), matches) }
      : {}),
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      if (off || teams.refuses(key) || !matches(key)) return undefined;
      const scoped = scopedNames ? teams.scoped(key) : undefined;
      const teamFound = scoped === undefined ? undefined : await read(scoped, signal);
      if (teamFound) return hitOf(teamFound, scoped as string);
      const found = await read(key, signal);
      return found ? hitOf(found, key) : undefined;
    },
  };
}
