import { createResolver, type Explanation, type ExplainStep, type Resolver } from "awsconn";
import type { GlobalOptions } from "./context.js";

/** The facade resolver the CLI works with. */
export type CliResolver = Resolver;
/** One source consulted by `explain`. */
export type ExplainStepLike = ExplainStep;
/** The facade's `explain` result. */
export type ExplanationLike = Explanation;

/**
 * Creates the facade resolver for the CLI's flags: `--config FILE` if given, else the facade's
 * own discovery (AWSCONN_CONFIG, ./awsconn.config.*, Airflow's AIRFLOW__SECRETS__BACKEND, else env).
 *
 * @example
 * ```ts
 * const resolver = await openResolver({ config: "awsconn.config.yaml" });
 * ```
 */
export async function openResolver(globals: GlobalOptions): Promise<CliResolver> {
  return createResolver(globals.config);
}

/**
 * The winning source and origin of an explanation (empty when nothing was found).
 *
 * @example
 * ```ts
 * winnerOf(await resolver.explain("aws_default")); // { source: "env", origin: "env:AIRFLOW_CONN_AWS_DEFAULT" }
 * ```
 */
export function winnerOf(explanation: Explanation): { source?: string; origin?: string } {
  return explanation.winner ? { ...explanation.winner } : {};
}
