import type { Connection, ConnectionSource } from "@awsconn/core";
import type { GlobalOptions } from "./context.js";

/** One source consulted by `explain`. */
export interface ExplainStepLike {
  source: string;
  outcome: string;
  ms?: number;
  origin?: string;
  error?: { name?: string; code?: string; message?: string } | string;
  cache?: string;
}

/** The facade's `explain` result, as the CLI reads it. */
export interface ExplanationLike {
  connId: string;
  winner?: { source?: string; origin?: string } | string | null;
  steps: ExplainStepLike[];
  fields?: Record<string, unknown>;
}

/** The part of the facade's resolver the CLI uses. */
export interface CliResolver {
  get(connId: string): Promise<Connection>;
  explain(connId: string): Promise<ExplanationLike>;
  getAwsClientConfig(connId: string, service?: string): Promise<AwsClientConfigLike>;
  /** The configured sources, highest priority first, when the facade exposes them. */
  sources?: readonly ConnectionSource[];
}

/** The facade's `getAwsClientConfig` result, as the CLI reads it. */
export interface AwsClientConfigLike {
  credentials: () => Promise<{
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
    expiration?: Date;
  }>;
  region?: string;
  endpoint?: string | { url?: URL | string };
  method?: string;
  warnings?: readonly string[];
}

/**
 * Creates the facade resolver for the CLI's flags: `--config FILE` if given, else the facade's
 * own discovery (AWSCONN_CONFIG, ./awsconn.config.*, Airflow's settings, env).
 *
 * @example
 * ```ts
 * const resolver = await openResolver({ config: "awsconn.config.yaml" });
 * ```
 */
export async function openResolver(globals: GlobalOptions): Promise<CliResolver> {
  const facade = (await import("awsconn")) as unknown as {
    createResolver(config?: unknown): CliResolver;
  };
  return facade.createResolver(globals.config ? { configFile: globals.config } : undefined);
}

/**
 * The winning source and origin of an explanation, whatever shape the winner has.
 *
 * @example
 * ```ts
 * winnerOf(await resolver.explain("aws_default")); // { source: "env", origin: "env:AIRFLOW_CONN_AWS_DEFAULT" }
 * ```
 */
export function winnerOf(explanation: ExplanationLike): { source?: string; origin?: string } {
  const w = explanation.winner;
  if (w && typeof w === "object") return { source: w.source, origin: w.origin };
  const name = typeof w === "string" ? w : undefined;
  const step = explanation.steps.find((s) => (name ? s.source === name : s.outcome === "hit"));
  return { source: step?.source ?? name, origin: step?.origin };
}
