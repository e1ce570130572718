import type { SourceCallOptions } from "./ConnectionSource.js";

/**
 * An Airflow Variable found by a source: its raw string value, exactly where it came from, and the
 * backend's version when there is one.
 *
 * @example
 * ```ts
 * { value: "eu-west-1", origin: "ssm:/airflow/variables/region#3", version: "3" }
 * ```
 */
export interface VariableHit {
  /** The value as stored (Airflow's `Variable.get` without `deserialize_json`): never parsed, never trimmed. */
  value: string;
  /**
   * Where it came from: `env:AIRFLOW_VAR_REGION`, `file:conf/variables.yaml:3`,
   * `secretsmanager:airflow/variables/region@<VersionId>`, `ssm:/airflow/variables/region#<Version>`.
   */
  origin: string;
  /** The backend's version of the value, when it has one (VersionId, parameter version). */
  version?: string;
}

/**
 * One place Airflow Variables can be found, as a secrets backend's `get_variable`. `undefined`
 * from `getVariable` means "not here"; any failure of the backend is a thrown `SourceError`, and
 * malformed stored data a `ConnectionFormatError` naming the origin.
 *
 * @example
 * ```ts
 * const memory: VariableSource = {
 *   name: "memory",
 *   async getVariable(key) { return key === "region" ? { value: "eu-west-1", origin: "memory:region" } : undefined; },
 * };
 * ```
 */
export interface VariableSource {
  /** `env`, `file`, `secretsmanager`, `ssm`, or a user-defined name. */
  readonly name: string;
  /** Looks one key up. Resolves `undefined` when the source does not have it. */
  getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined>;
  /**
   * The keys the source holds, when it can tell (Airflow's backends cannot list at all; awsconn's
   * env, file, Secrets Manager and SSM sources can): the keys `getVariable` would look up, never a
   * value. Absent: the source cannot list its Variables.
   */
  listVariables?(options?: SourceCallOptions): AsyncIterable<string>;
}
