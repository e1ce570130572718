import type { SourceCallOptions, VariableHit, VariableSource } from "@awsconn/core";
import { LRUCache } from "lru-cache";
import type { Clock } from "./Clock.js";
import { raceAbort } from "./raceAbort.js";
import type { CacheConfig } from "./types.js";

/** What the cache keeps for a key: the hit, or "not here". */
type Kept = { hit: VariableHit | undefined };

/**
 * Wraps a remote {@link VariableSource} in a small cache (lru-cache): a hit is fresh for
 * `cache.ttlSeconds`, "not here" for `cache.negativeTtlSeconds` (0: not kept), at most
 * `cache.maxEntries` keys; concurrent lookups of one key share one backend call. A failure is
 * never cached. Simpler than the connections' `withCache`: no stale-while-revalidate and no
 * serving stale values when a refresh fails.
 *
 * @example
 * ```ts
 * const sm = cachedVariables(fromSecretsManagerVariables({ region: "eu-west-1" }), CACHE_DEFAULTS, performance);
 * ```
 */
export function cachedVariables(
  source: VariableSource,
  cache: Pick<CacheConfig, "ttlSeconds" | "negativeTtlSeconds" | "maxEntries">,
  clock: Clock,
): VariableSource & { clear(): void; forget(key: string): void } {
  const positiveMs = (cache.ttlSeconds ?? 0) * 1000;
  const negativeMs = (cache.negativeTtlSeconds ?? 0) * 1000;
  const lru = new LRUCache<string, Kept>({
    max: cache.maxEntries ?? 1000,
    ttl: Math.max(1, positiveMs),
    ttlResolution: 0,
    perf: clock,
  });
  const flights = new Map<string, Promise<VariableHit | undefined>>();
  return {
    name: source.name,
    async getVariable(key: string, options?: SourceCallOptions): Promise<VariableHit | undefined> {
      options?.signal?.throwIfAborted();
      const kept = lru.get(key);
      if (kept) return kept.hit && { ...kept.hit };
      let flight = flights.get(key);
      if (!flight) {
        // The shared call is not tied to one caller's signal; each caller still stops at its own.
        flight = source.getVariable(key).then((hit) => {
          const ttl = hit ? positiveMs : negativeMs;
          if (ttl > 0) lru.set(key, { hit }, { ttl });
          return hit;
        });
        const forget = () => flights.delete(key);
        flight.then(forget, forget);
        flights.set(key, flight);
      }
      const hit = await raceAbort(flight, options?.signal);
      return hit && { ...hit };
    },
    clear: () => lru.clear(),
    forget: (key) => {
      lru.delete(key);
    },
  };
}
