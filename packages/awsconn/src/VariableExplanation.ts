import type { ExplainStep } from "./Explanation.js";

/**
 * What {@link Resolver.explainVariable} returns: every Variable source consulted for a key, in
 * priority order, with its outcome, time, origin and cache state (the steps of a connection's
 * `explain`). It never holds the value.
 *
 * @example
 * ```ts
 * const { winner, steps } = await resolver.explainVariable("region");
 * // winner: { source: "ssm", origin: "ssm:/airflow/variables/region#3" }
 * // steps: [{ source: "env", outcome: "miss", ms: 0.01 }, { source: "ssm", outcome: "hit", cache: "call", ... }]
 * ```
 */
export interface VariableExplanation {
  key: string;
  /** The source that had the key and where exactly, or `null`. */
  winner: { source: string; origin: string } | null;
  steps: ExplainStep[];
}

/**
 * What one Variable source can list, as {@link Resolver.listVariables} returns it: its keys, or
 * why it cannot list (a code-given source without `listVariables`).
 *
 * @example
 * ```ts
 * { source: "ssm", keys: ["bucket", "region"] }
 * { source: "vault", keys: null, reason: "vault: cannot list Variables (the source has no listVariables())" }
 * ```
 */
export type VariableListing =
  | { source: string; keys: string[] }
  | { source: string; keys: null; reason: string };
