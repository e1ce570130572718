import {
  createResolver,
  type Explanation,
  type ExplainStep,
  type ResolveResult,
  type Resolver,
} from "awsconn";
import type { GlobalOptions } from "./context.js";

/** The facade resolver the CLI works with. */
export type CliResolver = Resolver;
/** One source consulted by `explain`. */
export type ExplainStepLike = ExplainStep;
/** The facade's `explain` result. */
export type ExplanationLike = Explanation;

/**
 * Creates the facade resolver for the CLI's flags: `--config FILE` if given, else the facade's
 * own discovery (AWSCONN_CONFIG, ./awsconn.config.*, Airflow's AIRFLOW__SECRETS__BACKEND, else env);
 * `--team NAME` sets its `team`.
 *
 * @example
 * ```ts
 * const resolver = await openResolver({ config: "awsconn.config.yaml" });
 * ```
 */
export async function openResolver(globals: GlobalOptions): Promise<CliResolver> {
  // --team overrides the team of whatever configuration is found (or given with --config).
  const resolver = createResolver(
    globals.team === undefined
      ? globals.config
      : { ...(globals.config === undefined ? {} : { configFile: globals.config }), team: globals.team },
  );
  globals.debug?.(`configuration: ${configText(resolver)}`);
  for (const warning of resolver.config.warnings) globals.warn?.(warning);
  return resolver;
}

/**
 * Which configuration a resolver uses and why, in words, and which Airflow connection parser its
 * sources read values with (`connectionParser`).
 *
 * @example
 * ```ts
 * configText(resolver); // "/srv/app/awsconn.config.yaml (found in the working directory); connectionParser: task"
 * ```
 */
export function configText(resolver: Pick<CliResolver, "config">): string {
  const { origin, reason } = resolver.config;
  const why: Record<CliResolver["config"]["reason"], string> = {
    code: "given in code",
    explicit: "given with --config",
    AWSCONN_CONFIG: "named by AWSCONN_CONFIG",
    "working directory": "found in the working directory",
    "Airflow settings": "built from Airflow's secrets backend settings",
    default: "no config found: environment variables only",
  };
  const { team, multiTeam } = resolver.config;
  const teams = team ? `; team: ${team}` : multiTeam ? "; multi-team mode" : "";
  const parser = `connectionParser: ${resolver.config.connectionParser}${teams}`;
  return `${origin === "default" ? why.default : `${origin} (${why[reason]})`}; ${parser}`;
}

/**
 * The `source` and `origin` a command shows for a resolved connection. A merged connection (merge
 * mode, more than one layer) is labelled `merged`, with its layers, highest priority first.
 *
 * @example
 * ```ts
 * provenanceOf(await resolver.resolve("db")); // { source: "merged", origin: null, merged: [...] }
 * ```
 */
export function provenanceOf(result: ResolveResult): {
  source: string;
  origin: string | null;
  merged?: { source: string; origin: string }[];
} {
  const layers = result.merged ?? [];
  if (layers.length < 2) return { source: result.source, origin: result.origin };
  return {
    source: "merged",
    origin: null,
    merged: layers.map((l) => ({ source: l.source, origin: l.origin })),
  };
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
