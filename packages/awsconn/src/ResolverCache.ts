import { SourceError } from "@awsconn/core";
import { LRUCache } from "lru-cache";
import { type CacheEntry, createCacheEntry } from "./CacheEntry.js";
import type { Emit } from "./emitEvent.js";
import type { Layer } from "./Layer.js";
import { runChain } from "./runChain.js";
import type { CacheConfig, Clock, ResolveMode, Resolution } from "./types.js";

/** After a failed refresh served a stale value, the next attempt comes at most this much later (ms). */
export const RETRY_AFTER_FAILURE_MS = 5000;

/** The outcome of {@link ResolverCache.resolve}: an entry to serve, or the error that stopped the lookup. */
export type Attempt =
  | { entry: CacheEntry; error?: undefined }
  | { entry?: undefined; error: Error; resolution: Resolution };

/** What {@link ResolverCache} needs. */
export interface ResolverCacheInit {
  layers: readonly Layer[];
  mode: ResolveMode;
  cache: Required<CacheConfig>;
  clock: Clock;
  emit: Emit;
}

const FAST_GET = { allowStale: false } as const;

/**
 * The resolver's cache over `lru-cache`: one flight per id (`fetch()` coalesces), TTL and LRU
 * bound, negative entries, stale-while-revalidate with exactly one background refresh, and a
 * stale value served when a refresh fails while it is younger than `maxStaleSeconds`.
 * Live results (env, file) share the flight but are dropped from the cache when it lands.
 *
 * @example
 * ```ts
 * const cache = new ResolverCache({ layers, mode: "first", cache: CACHE_DEFAULTS, clock: performance, emit });
 * const connection = await (cache.peekFresh("aws_default")?.promise ?? cache.fetch("aws_default").then((e) => e.promise));
 * ```
 */
export class ResolverCache {
  readonly #init: ResolverCacheInit;
  readonly #lru: LRUCache<string, CacheEntry>;

  constructor(init: ResolverCacheInit) {
    this.#init = init;
    this.#lru = new LRUCache<string, CacheEntry>({
      max: init.cache.maxEntries,
      ttl: Math.max(1, init.cache.ttlSeconds * 1000),
      ttlResolution: 0,
      perf: init.clock,
      allowStale: false,
      noDeleteOnStaleGet: true,
      ignoreFetchAbort: true,
      fetchMethod: async (connId, previous, { options }) => {
        const attempt = await this.resolve(connId, previous);
        if (attempt.error) throw attempt.error;
        options.ttl = this.#ttlFor(
          attempt.entry,
          previous !== undefined && attempt.entry.fetchedAt === previous.fetchedAt,
        );
        return attempt.entry;
      },
    });
  }

  /** The entry for the id if it is cached and fresh; a plain map read. */
  peekFresh(connId: string): CacheEntry | undefined {
    return this.#lru.get(connId, FAST_GET);
  }

  /** The entry for the id, fresh or not, without side effects. */
  peekAny(connId: string): CacheEntry | undefined {
    return this.#lru.peek(connId, { allowStale: true });
  }

  /** Looks the id up through the cache: coalesced, stale-while-revalidate, stale on failure. */
  async fetch(connId: string): Promise<CacheEntry> {
    const existing = this.peekAny(connId);
    const allowStale =
      this.#init.cache.staleWhileRevalidate &&
      existing !== undefined &&
      !existing.negative &&
      this.#young(existing);
    const fetched = await this.#lru.fetch(connId, { allowStale });
    // lru-cache resolves undefined only for an aborted flight; look the id up directly then.
    const entry = fetched ?? (await this.#direct(connId));
    if (!entry.cacheable && this.peekAny(connId) === entry) this.#lru.delete(connId);
    return entry;
  }

  async #direct(connId: string): Promise<CacheEntry> {
    const attempt = await this.resolve(connId, this.peekAny(connId));
    if (attempt.error) throw attempt.error;
    return attempt.entry;
  }

  /**
   * Runs the chain once for the id (not coalesced) and applies the stale rule: when the chain
   * stopped on a `SourceError` and `previous` holds a value younger than `maxStaleSeconds`,
   * that value is returned again (with a `stale` step and event).
   */
  async resolve(connId: string, previous?: CacheEntry): Promise<Attempt> {
    const { layers, mode, clock, emit } = this.#init;
    const t0 = clock.now();
    const resolution = await runChain(connId, layers, mode, clock, emit);
    return this.settle(resolution, previous, t0);
  }

  /** Applies the stale and cacheability rules to a finished chain run (also used by preload). */
  settle(resolution: Resolution, previous: CacheEntry | undefined, t0: number): Attempt {
    const { mode, clock, emit } = this.#init;
    const { connId } = resolution;
    const refreshing = previous?.cacheable === true && !previous.negative;
    if (resolution.error) {
      if (refreshing) emit({ type: "refresh", connId, outcome: "failed", ms: clock.now() - t0 });
      const last = previous?.resolution;
      if (
        resolution.error instanceof SourceError &&
        previous &&
        last?.connection &&
        last.winner &&
        this.#young(previous)
      ) {
        const ageSeconds = (clock.now() - previous.fetchedAt) / 1000;
        emit({
          type: "stale",
          connId,
          source: last.winner.source,
          origin: last.winner.origin,
          ageSeconds,
          error: resolution.error.message,
        });
        const steps = [
          ...resolution.steps,
          { source: last.winner.source, outcome: "stale" as const, ms: 0, origin: last.winner.origin },
        ];
        return { entry: { ...previous, resolution: { ...last, steps } } };
      }
      return { error: resolution.error, resolution };
    }
    const cacheable = resolution.remote && !(resolution.live && mode === "first");
    const entry = createCacheEntry(resolution, clock.now(), cacheable && this.#ttlFor0(resolution) > 0);
    if (refreshing) {
      const same = previous?.resolution.winner?.origin === resolution.winner?.origin;
      emit({ type: "refresh", connId, outcome: same ? "unchanged" : "updated", ms: clock.now() - t0 });
    }
    return { entry };
  }

  /** Puts a finished entry in the cache (preload, explain), unless it is live or caching is off. */
  store(connId: string, entry: CacheEntry, previous?: CacheEntry): void {
    const servedStale = previous !== undefined && entry.fetchedAt === previous.fetchedAt;
    if (entry.cacheable) this.#lru.set(connId, entry, { ttl: this.#ttlFor(entry, servedStale) });
  }

  /** Forgets one id; an in-flight lookup still completes for its callers. */
  delete(connId: string): void {
    this.#lru.delete(connId);
  }

  /** Forgets everything. */
  clear(): void {
    this.#lru.clear();
  }

  /** Number of cached entries (in-flight lookups included). */
  get size(): number {
    return this.#lru.size;
  }

  #young(entry: CacheEntry): boolean {
    return this.#init.clock.now() - entry.fetchedAt < this.#init.cache.maxStaleSeconds * 1000;
  }

  #ttlFor0(resolution: Resolution): number {
    const { ttlSeconds, negativeTtlSeconds } = this.#init.cache;
    return (resolution.connection ? ttlSeconds : negativeTtlSeconds) * 1000;
  }

  #ttlFor(entry: CacheEntry, servedStale: boolean): number {
    if (!entry.cacheable) return 1;
    const ttl = this.#ttlFor0(entry.resolution);
    return servedStale ? Math.max(1, Math.min(ttl, RETRY_AFTER_FAILURE_MS)) : ttl;
  }
}
