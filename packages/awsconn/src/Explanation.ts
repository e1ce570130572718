/**
 * Where a cached source's answer came from: its cache (`fresh`, `stale` while a background refresh
 * runs or after a failed refresh, `negative` = a remembered "not here") or a backend `call` (this
 * lookup's own, or one it joined).
 *
 * @example
 * ```ts
 * step.cache === "call"; // the backend was asked
 * ```
 */
export type CacheState = "fresh" | "stale" | "negative" | "call";

/**
 * One source consulted by a lookup, as {@link Explanation} shows it.
 *
 * @example
 * ```ts
 * { source: "secretsmanager", outcome: "hit", ms: 0.01, origin: "secretsmanager:airflow/connections/aws_default@3f1c", cache: "fresh", ageSeconds: 12.5 }
 * ```
 */
export interface ExplainStep {
  /** The source's label (its name; `name#N` when names repeat). */
  source: string;
  /**
   * `hit`, `miss`, `error` (the lookup stopped here), `skipped` (failed, `onError: "skip"`), or
   * `stale` (the backend failed and the source served its last good value, younger than `maxStaleSeconds`).
   */
  outcome: "hit" | "miss" | "error" | "skipped" | "stale";
  /** Time spent in this step, in ms. */
  ms: number;
  origin?: string;
  /** The backend's version of the value (VersionId, parameter version), when it has one. */
  version?: string;
  /** Cached sources only: whether the answer came from the source's cache, and how. Absent for live sources (env, file). */
  cache?: CacheState;
  /** Cached sources only: age of the cached answer in seconds (0 for a fresh call). */
  ageSeconds?: number;
  /** Why the source failed (`error`, `skipped`, `stale`); never contains a secret. */
  error?: { name: string; code?: string; message: string };
}

/**
 * One layer that contributed to a merged connection (merge mode), highest priority first.
 *
 * @example
 * ```ts
 * { source: "secretsmanager", origin: "secretsmanager:airflow/connections/db@v1", version: "v1" }
 * ```
 */
export interface MergedLayer {
  source: string;
  origin: string;
  version?: string;
}

/**
 * What {@link Resolver.explain} returns.
 *
 * @example
 * ```ts
 * const { winner, steps } = await resolver.explain("aws_default");
 * ```
 */
export interface Explanation {
  connId: string;
  /** The winning source and origin (merge mode: the highest layer that had the id), or `null`. */
  winner: { source: string; origin: string } | null;
  steps: ExplainStep[];
  /** Merge mode: which layer gave each field, with Airflow's snake_case names (`conn_type`, `host`, `extra.region_name`, ...). */
  fields?: Record<string, string>;
  /** Merge mode: every layer that had the id, highest priority first. */
  merged?: MergedLayer[];
}
