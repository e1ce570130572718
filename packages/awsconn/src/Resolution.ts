import type { Connection } from "@awsconn/core";
import type { ExplainStep, MergedLayer } from "./Explanation.js";

/**
 * The outcome of running the priority chain for one id (internal to the resolver).
 *
 * @example
 * ```ts
 * { connId: "db", connection, winner: { source: "ssm", origin: "ssm:/airflow/connections/db#3" }, steps }
 * ```
 */
export interface Resolution {
  connId: string;
  connection?: Connection;
  winner: { source: string; origin: string; version?: string } | null;
  steps: ExplainStep[];
  /** Merge mode: which layer gave each field (snake_case names). */
  fields?: Record<string, string>;
  /** Merge mode: every layer that had the id, highest first. */
  merged?: MergedLayer[];
  /** The lookup stopped on this error (fail closed). */
  error?: Error;
}
