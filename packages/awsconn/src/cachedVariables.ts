import type { SourceCallOptions, VariableHit, VariableSource } from "@awsconn/core";
import { type CacheEngineEvent, type CacheTuning, cacheEngine } from "./cacheEngine.js";
import type { CacheLookup } from "./CachedSource.js";
import type { Clock } from "./Clock.js";
import type { VariableEvent } from "./ResolverEvent.js";

/**
 * A remote {@link VariableSource} in its cache ({@link cachedVariables}): the source's own
 * interface plus the cache's view of each answer, for `explainVariable`.
 *
 * @example
 * ```ts
 * const { hit, cache, ageSeconds } = await cached.lookup("region"); // cache: "fresh", ageSeconds: 3.1
 * ```
 */
export interface CachedVariableSource extends VariableSource {
  /** Looks one key up through the cache, saying where the answer came from. */
  lookup(key: string, options?: SourceCallOptions): Promise<CacheLookup<VariableHit>>;
  /** The key's answer when the cache holds it fresh (hit or "not here"); a synchronous map read. */
  peekLookup(key: string): CacheLookup<VariableHit> | undefined;
  /** Forgets every key. */
  clear(): void;
  /** Forgets one key; a lookup in flight still completes for its callers. */
  forget(key: string): void;
}

/**
 * Options of {@link cachedVariables} besides the `cache` settings: the label used in events and
 * errors (default: the source's name) and where `variable-stale` / `variable-refresh` events go.
 *
 * @example
 * ```ts
 * { label: "ssm#2", onEvent: (event) => console.warn(event) }
 * ```
 */
export interface CachedVariablesOptions {
  label?: string;
  onEvent?: (event: VariableEvent) => void;
}

/**
 * Wraps a remote {@link VariableSource} in the cache every remote connection source has (the rules
 * of `cacheEngine`, as `withCache`): a hit is fresh for `cache.ttlSeconds` (80-100% of it, `jitter`),
 * "not here" for `cache.negativeTtlSeconds`; concurrent lookups of one key share one backend call;
 * past its TTL a hit younger than `cache.maxStaleSeconds` is served while one background call
 * refreshes it (`staleWhileRevalidate`, a `variable-refresh` event); when a call fails with a
 * `SourceError`, the last good hit younger than `maxStaleSeconds` is served (a `variable-stale`
 * event) and the next call comes within 5 s; at most `cache.maxEntries` keys are kept. Other
 * failures are never cached. The values kept are frozen.
 *
 * @example
 * ```ts
 * const sm = cachedVariables(fromSecretsManagerVariables({ region: "eu-west-1" }), CACHE_DEFAULTS, performance);
 * await sm.getVariable("region"); // one GetSecretValue, then map reads for ttlSeconds
 * ```
 */
export function cachedVariables(
  source: VariableSource,
  cache: CacheTuning,
  clock: Clock,
  options: CachedVariablesOptions = {},
): CachedVariableSource {
  const emit = options.onEvent;
  const engine = cacheEngine<VariableHit>(
    { get: (key, call) => source.getVariable(key, call) },
    {
      ...cache,
      clock,
      label: options.label ?? source.name,
      keepHit: (hit) => hit && Object.freeze({ ...hit }),
      onEvent: emit && ((event) => emit(variableEvent(event))),
    },
  );
  return {
    name: source.name,
    async getVariable(key, call) {
      return (await engine.lookup(key, call)).hit;
    },
    lookup: (key, call) => engine.lookup(key, call),
    peekLookup: (key) => engine.peekLookup(key),
    clear: () => engine.clear(),
    forget: (key) => engine.invalidate(key),
  };
}

/** A cache engine event as the Variable event it is (the id is a `key`). */
function variableEvent(event: CacheEngineEvent): VariableEvent {
  const { id, ...rest } = event;
  return rest.type === "stale"
    ? { ...rest, type: "variable-stale", kind: "variable", key: id }
    : { ...rest, type: "variable-refresh", kind: "variable", key: id };
}
