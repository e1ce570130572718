import type { Connection } from "@awsconn/core";
import type { MergedLayer } from "./Explanation.js";

/**
 * A resolved connection with its provenance, as {@link Resolver.resolve} returns it.
 *
 * @example
 * ```ts
 * const { connection, source, origin } = await resolver.resolve("aws_default");
 * // source "secretsmanager", origin "secretsmanager:airflow/connections/aws_default@3f1c..."
 * ```
 */
export interface ResolveResult {
  connection: Connection;
  /** The label of the winning source (merge mode: the highest layer that had the id). */
  source: string;
  /** Exactly where the winning value was found (`env:AIRFLOW_CONN_X`, `file:PATH:LINE`, ...). */
  origin: string;
  /** The backend's version of the winning value, when it has one. */
  version?: string;
  /** Merge mode: which layer gave each field (Airflow's snake_case names: `conn_type`, `extra.region_name`, ...). */
  fields?: Record<string, string>;
  /** Merge mode: every layer that had the id, highest priority first (one entry means nothing was merged). */
  merged?: MergedLayer[];
}
