import type { SourceCallOptions } from "@awsconn/core";
import type { CacheLookup } from "./CachedSource.js";
import type { CachedValue } from "./CachedValue.js";
import type { Clock } from "./Clock.js";
import type { CacheConfig } from "./types.js";

/**
 * What the cache engine asks: one id, or (optionally) many in one call. `H` is the kind of answer
 * (a connection source's `SourceHit`, a Variable source's `VariableHit`); `undefined` is "not here".
 *
 * @example
 * ```ts
 * const asked: EngineSource<VariableHit> = { get: (key, options) => ssmVariables.getVariable(key, options) };
 * ```
 */
export interface EngineSource<H> {
  get(id: string, options?: SourceCallOptions): Promise<H | undefined>;
  getMany?(ids: string[], options?: SourceCallOptions): Promise<ReadonlyMap<string, H>>;
}

/**
 * What the engine tells about an id it refreshed (`refresh`) or served again after a failed call
 * (`stale`); the caller turns it into a connection or Variable event. Never a secret.
 *
 * @example
 * ```ts
 * { type: "refresh", id: "aws_default", source: "secretsmanager", outcome: "unchanged", ms: 12 }
 * ```
 */
export type CacheEngineEvent =
  | { type: "stale"; id: string; source: string; origin: string; ageSeconds: number; error: string }
  | { type: "refresh"; id: string; source: string; outcome: "updated" | "unchanged" | "failed"; ms: number };

/**
 * Options of `cacheEngine`: the resolver's `cache` settings, the label used in events and
 * errors, how an answer is made safe to keep, and where events go.
 *
 * @example
 * ```ts
 * { ttlSeconds: 60, label: "ssm", keepHit: (hit) => hit && Object.freeze(hit), onEvent: (e) => log(e) }
 * ```
 */
export interface CacheEngineOptions<H> extends CacheTuning {
  /** The name used in events and errors. */
  label: string;
  /** Makes an answer safe to share between callers (protected, frozen) before it is kept. */
  keepHit: (hit: H | undefined) => H | undefined;
  /** Receives `stale` and `refresh` events. */
  onEvent?: ((event: CacheEngineEvent) => void) | undefined;
}

/**
 * The resolver's `cache` settings plus the engine's clock and jitter, as `cacheEngine` and
 * `withCache` take them.
 *
 * @example
 * ```ts
 * { ttlSeconds: 60, maxStaleSeconds: 600, clock: performance, jitter: 0 }
 * ```
 */
export interface CacheTuning extends CacheConfig {
  /** Clock in ms (monotonic, above 0). Default `performance`. */
  clock?: Clock | undefined;
  /**
   * Spreads lifetimes so that processes started together do not refresh together: each answer is
   * kept for a random 80-100% of its TTL with the default 0.2 (`0` = exactly the TTL), an id's
   * first answer for 10-100% (`FIRST_ANSWER_JITTER`, unless `jitter` is 0). Also the
   * refresh-ahead window: when a background refresh runs, every other hit of the source due within
   * `jitter * ttlSeconds` is refreshed in the same batch call.
   */
  jitter?: number | undefined;
  /** Random numbers in [0, 1) for the jitter (tests). Default `Math.random`. */
  random?: (() => number) | undefined;
}

/**
 * The cache of one remote source, whatever kind of answer it gives: the part of a
 * {@link CachedSource} that does not depend on connections.
 *
 * @example
 * ```ts
 * const engine = cacheEngine(asked, { label: "ssm", keepHit: (h) => h });
 * const { hit, cache } = await engine.lookup("region"); // cache: "call", then "fresh"
 * ```
 */
export interface CacheEngine<H> {
  lookup(id: string, options?: SourceCallOptions): Promise<CacheLookup<H>>;
  lookupMany(
    ids: readonly string[],
    options?: SourceCallOptions,
  ): Promise<Map<string, CacheLookup<H> | { error: unknown }>>;
  peekLookup(id: string): CacheLookup<H> | undefined;
  peekFresh(id: string): CachedValue<H> | undefined;
  freshForMs(id: string): number;
  invalidate(id: string): void;
  clear(): void;
}
