import type { ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import type { CachedValue } from "./CachedValue.js";
import type { CacheState } from "./Explanation.js";

/**
 * One id's answer from a {@link CachedSource}, with where it came from.
 *
 * @example
 * ```ts
 * const { hit, cache, ageSeconds } = await cached.lookup("aws_default"); // cache: "fresh", ageSeconds: 12.5
 * ```
 */
export interface CacheLookup<H = SourceHit> {
  /** The source's answer (a connection source's {@link SourceHit} by default); `undefined` means the source does not have the id. */
  hit: H | undefined;
  /** `call` (the backend was asked, by this lookup or one it joined) or a cache read (`fresh`, `stale`, `negative`). */
  cache: CacheState;
  /** Age of the answer in seconds. */
  ageSeconds: number;
  /** Set when a failed refresh made the source serve its last good value: the failure, without secrets. */
  staleBecause?: string;
}

/**
 * A {@link ConnectionSource} wrapped by {@link withCache}: the source's own interface (so it can
 * be used anywhere a source can) plus the cache's view of each answer.
 *
 * @example
 * ```ts
 * const sm = withCache(fromSecretsManager({ region: "eu-west-1" }), { ttlSeconds: 60 });
 * await sm.get("aws_default"); // one GetSecretValue, then map reads for 60 s
 * ```
 */
export interface CachedSource extends ConnectionSource {
  /** Looks one id up through the cache (one flight per id), saying where the answer came from. */
  lookup(connId: string, options?: SourceCallOptions): Promise<CacheLookup>;
  /**
   * Looks many ids up through the cache: ids in flight join their flight, the rest go out as one
   * `getMany` call (when the source has one, even for one id). Each id settles on its own: a
   * lookup or an error.
   */
  lookupMany(
    connIds: readonly string[],
    options?: SourceCallOptions,
  ): Promise<Map<string, CacheLookup | { error: unknown }>>;
  /** The id's answer when the cache holds it fresh (hit or "not here"); a synchronous map read. */
  peekLookup(connId: string): CacheLookup | undefined;
  /** The cached value for the id when it is fresh; a synchronous map read. */
  peekFresh(connId: string): CachedValue | undefined;
  /**
   * How many more ms the id's cached answer stays fresh (its jittered lifetime, or the short retry
   * delay of a value re-served after a failed refresh); 0 when none is cached or it is past its
   * lifetime. Rotation ties the lease of long-term keys to it.
   */
  freshForMs(connId: string): number;
  /** Forgets one id; a lookup in flight still completes for its callers. */
  invalidate(connId: string): void;
  /** Forgets every id. */
  clear(): void;
  /** The wrapped source. */
  readonly inner: ConnectionSource;
}

/**
 * True when the source was made by {@link withCache}.
 *
 * @example
 * ```ts
 * isCachedSource(withCache(mySource)); // true
 * ```
 */
export function isCachedSource(source: ConnectionSource): source is CachedSource {
  return typeof (source as Partial<CachedSource>).lookupMany === "function";
}
