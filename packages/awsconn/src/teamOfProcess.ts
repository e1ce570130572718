import type { NormalizedConfig } from "./parseConfig.js";

/**
 * The configuration with the team of the process, `AWSCONN_TEAM`, when it names none (Airflow has
 * no such setting). Sets it in place and returns the same object.
 *
 * @example
 * ```ts
 * teamOfProcess(parseConfig({ sources: [{ type: "env" }] }), { AWSCONN_TEAM: "data" }).team; // "data"
 * ```
 */
export function teamOfProcess(
  config: NormalizedConfig,
  env: Record<string, string | undefined>,
): NormalizedConfig {
  if (config.team === undefined && env.AWSCONN_TEAM) config.team = env.AWSCONN_TEAM;
  return config;
}
