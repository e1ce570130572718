import type { CacheEntry } from "./CacheEntry.js";
import type { Explanation } from "./types.js";

/**
 * The {@link Explanation} of a cache entry: the steps of the lookup that made it, or, when it
 * was served from the cache, a single `cached` step.
 *
 * @example
 * ```ts
 * explainEntry(entry, true).steps; // [{ source: "secretsmanager", outcome: "cached", ms: 0, origin: "secretsmanager:..." }]
 * ```
 */
export function explainEntry(entry: CacheEntry, fromCache: boolean): Explanation {
  const { resolution } = entry;
  const steps = fromCache
    ? [
        resolution.winner
          ? {
              source: resolution.winner.source,
              outcome: "cached" as const,
              ms: 0,
              origin: resolution.winner.origin,
            }
          : { source: "cache", outcome: "cached" as const, ms: 0 },
      ]
    : resolution.steps;
  return {
    connId: resolution.connId,
    winner: resolution.winner,
    steps,
    ...(resolution.fields ? { fields: resolution.fields } : {}),
  };
}
