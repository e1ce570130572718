/**
 * An Airflow Variable with its provenance, as {@link Resolver.getVariable} returns it.
 *
 * @example
 * ```ts
 * { value: "eu-west-1", source: "ssm", origin: "ssm:/airflow/variables/region#3", version: "3" }
 * ```
 */
export interface VariableResult {
  /** The raw stored value (Airflow's `Variable.get` without `deserialize_json`). */
  value: string;
  /** The label of the source that had it (`env`, `file`, `secretsmanager`, `ssm`; `name#N` when names repeat). */
  source: string;
  /** Exactly where: `env:AIRFLOW_VAR_REGION`, `file:/etc/vars.yaml:3`, `ssm:/airflow/variables/region#3`... */
  origin: string;
  /** The backend's version of the value, when it has one. */
  version?: string;
}
