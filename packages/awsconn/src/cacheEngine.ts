import { SourceError } from "@awsconn/core";
import type { LRUCache } from "lru-cache";
import { CACHE_DEFAULTS } from "./cacheDefaults.js";
import type { CacheLookup } from "./CachedSource.js";
import type { CacheEngine, CacheEngineOptions, EngineSource } from "./cacheEngineTypes.js";
import { type CachedValue, hitOf, NOT_HERE, Remembered, staleBecauseOf } from "./CachedValue.js";
import type { CacheState } from "./Explanation.js";
import { lastEntryGuard } from "./lastEntryGuard.js";
import { raceAbort } from "./raceAbort.js";
import { requireLruCache } from "./requireLruCache.js";
import { SharedCall } from "./SharedCall.js";
import { toSourceError } from "./toSourceError.js";
import type { CacheConfig } from "./types.js";

/** After a failed refresh served a stale value, the next attempt comes at most this much later (ms). */
export const RETRY_AFTER_FAILURE_MS = 5000;

/** Default `jitter` of a `CacheTuning`: lifetimes are 80-100% of the TTL. */
export const DEFAULT_JITTER = 0.2;

/**
 * The jitter of an id's first answer in a cache (when `jitter` is not 0): it lives 10-100% of the
 * TTL. Processes that start together (a deploy) fetch together; with only the 80-100% jitter their
 * refreshes would come in waves a fifth of a TTL wide, every TTL, for ever. Spreading the first
 * lifetime over the whole TTL breaks the wave at once, for at most one earlier refresh per id. The
 * draw is one per backend call, so the ids of one batch stay one batch.
 */
export const FIRST_ANSWER_JITTER = 0.9;

export type {
  CacheEngine,
  CacheEngineEvent,
  CacheEngineOptions,
  CacheTuning,
  EngineSource,
} from "./cacheEngineTypes.js";

/** How a flight gets its answer: its shared call and the promise of the source's answer. */
type Plan<H> = (id: string) => { call: SharedCall; answer: Promise<H | undefined> };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
type Status<H> = LRUCache.Status<string, CachedValue<H>>;
/** One id's backend call in flight: the call its callers join, and the value it will give. */
interface Flight<H> {
  readonly call: SharedCall;
  promise: Promise<CachedValue<H>>;
}
/** What the engine's `start` gives: a value to serve now (`fresh` or `stale`), or a flight to join. */
type Started<H> = { value: CachedValue<H>; served: "fresh" | "stale" } | { flight: Flight<H> };

/**
 * The cache rules of every remote source (connections and Variables alike), on lru-cache, as
 * smithy's `memoize` wraps a provider:
 * 1. a fresh answer (hit, or "not here" for `negativeTtlSeconds`) is a map read;
 * 2. concurrent lookups of one id share one backend call, whatever mix of lookups asks; ids of
 *    one `lookupMany` that are not cached or in flight go out as one `getMany` batch;
 * 3. after `ttlSeconds`, a hit younger than `maxStaleSeconds` is served while one background call
 *    refreshes it (`staleWhileRevalidate`);
 * 4. when a call fails with a `SourceError` and the last good hit is younger than `maxStaleSeconds`,
 *    that hit is served (a `stale` event), and the next call comes within 5 s;
 * 5. at most `maxEntries` ids are kept (least recently used go first); `ttlSeconds: 0` keeps
 *    nothing (lookups are still shared); each answer is kept for a random 80-100% of its TTL
 *    (`jitter`), and a background refresh takes along, in one batch call, every other hit due
 *    within that window;
 * 6. a caller's `signal` aborts its own wait at once; the backend call is aborted only when every
 *    caller waiting for it has aborted.
 *
 * @example
 * ```ts
 * const engine = cacheEngine({ get: (key, o) => ssm.getVariable(key, o) }, { label: "ssm", keepHit: (h) => h });
 * const { hit, cache } = await engine.lookup("region"); // cache: "call", then "fresh" for ttlSeconds
 * ```
 */
export function cacheEngine<H extends { origin: string }>(
  source: EngineSource<H>,
  options: CacheEngineOptions<H>,
): CacheEngine<H> {
  const settings = { ...CACHE_DEFAULTS, ...definedOnly(options) };
  const clock = options.clock ?? performance;
  const { label, keepHit } = options;
  const emit = options.onEvent ?? (() => {});
  const positiveMs = settings.ttlSeconds * 1000;
  const negativeMs = settings.negativeTtlSeconds * 1000;
  // Flights are kept here, not in the LRU (whose fetch() costs an AbortController, promises and
  // listeners per call): the LRU only stores settled values.
  const flights = new Map<string, Flight<H>>();
  const jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_JITTER));
  const random = options.random ?? Math.random;
  const firstJitter = jitter > 0 ? Math.max(jitter, FIRST_ANSWER_JITTER) : 0;
  // One random draw per backend call: the ids one batch call fetched expire together, so their
  // refresh is one batch call again (a draw per id would split it into many smaller ones). Kept on
  // the call itself, which is dropped with it (a WeakMap of calls kept ~30 B per cached id).
  const drawOf = (call: SharedCall): number => {
    call.lifetimeDraw ??= random();
    return call.lifetimeDraw;
  };
  /** A lifetime in ms for a TTL in ms: 80-100% of it with the default jitter, 10-100% for a first answer. */
  const lifetime = (ttl: number, first: boolean, call: SharedCall): number =>
    Math.max(1, Math.round(ttl * (1 - (first ? firstJitter : jitter) * drawOf(call))));

  /**
   * When the value's backend call was made: its own time, else its LRU entry's start (an entry's
   * start is reset only when its value is replaced; a value kept across a set is a `Remembered`).
   */
  const fetchedAtOf = (id: string, value: CachedValue<H>, status?: Status<H>): number => {
    if (value instanceof Remembered && value.fetchedAt !== undefined) return value.fetchedAt;
    if (status?.start !== undefined) return status.start;
    const entry: Status<H> = {};
    lru.has(id, { status: entry });
    return entry.start ?? clock.now();
  };

  const young = (id: string, value: CachedValue<H>): boolean =>
    clock.now() - fetchedAtOf(id, value) < settings.maxStaleSeconds * 1000;

  const lru: LRUCache<string, CachedValue<H>> = new (requireLruCache())<string, CachedValue<H>>({
    max: settings.maxEntries,
    ttl: Math.max(1, positiveMs),
    ttlResolution: 0,
    perf: clock,
    allowStale: false,
    noDeleteOnStaleGet: true,
  });
  const entries = lastEntryGuard(lru, NOT_HERE as CachedValue<H>);

  /** Stores what a flight got, unless the id was forgotten (or asked again) meanwhile; `ttl` 0 keeps nothing. */
  function keep(id: string, flight: Flight<H>, value: CachedValue<H> | undefined, ttl: number): void {
    if (flights.get(id) !== flight) return;
    flights.delete(id);
    if (value !== undefined && ttl > 0) entries.set(id, value, { ttl });
    else entries.delete(id);
  }

  /**
   * Starts the id's backend call; `stale` is what the cache holds for it (expired, or due early).
   * A `background` refresh (the stale value is being served) lands its answer a turn of the event
   * loop later, so whoever was served the stale value still sees the cache as it was (rotation
   * leases read its freshness).
   */
  function fly(id: string, plan: Plan<H>, stale: CachedValue<H> | undefined, background = false): Flight<H> {
    const { call, answer } = plan(id);
    const flight: Flight<H> = { call, promise: Promise.resolve(NOT_HERE) };
    flights.set(id, flight);
    flight.promise = refresh(id, stale, flight, background ? answer.finally(nextTurn) : answer);
    flight.promise.catch(() => {}); // a background refresh may have no caller; callers see the rejection
    return flight;
  }

  async function refresh(
    id: string,
    stale: CachedValue<H> | undefined,
    flight: Flight<H>,
    answer: Promise<H | undefined>,
  ): Promise<CachedValue<H>> {
    const { call } = flight;
    const t0 = clock.now();
    const staleHit = stale && hitOf(stale);
    try {
      const hit = keepHit(await answer);
      const ttl = hit ? positiveMs : negativeMs;
      const value: CachedValue<H> = hit ?? NOT_HERE;
      // ttl 0: not kept, only shared with the lookups that joined the call
      // a hit with nothing cached before it is a first answer (a start, or after an eviction)
      keep(id, flight, value, ttl > 0 ? lifetime(ttl, hit !== undefined && stale === undefined, call) : 0);
      if (staleHit) {
        const same = staleHit.origin === hit?.origin;
        const outcome = same ? "unchanged" : "updated";
        emit({ type: "refresh", id, source: label, outcome, ms: clock.now() - t0 });
      }
      return value;
    } catch (thrown) {
      if (call.aborted) {
        if (!stale) {
          keep(id, flight, undefined, 0);
          throw thrown;
        }
        // every caller gave up: keep the previous value, due for a new call
        const kept = stale instanceof Remembered ? stale : new Remembered(stale, fetchedAtOf(id, stale));
        keep(id, flight, kept, 1);
        return kept;
      }
      if (staleHit) emit({ type: "refresh", id, source: label, outcome: "failed", ms: clock.now() - t0 });
      const error = toSourceError(thrown, label);
      if (!(error instanceof SourceError) || !staleHit || !young(id, stale)) {
        keep(id, flight, undefined, 0);
        throw error;
      }
      const fetchedAt = fetchedAtOf(id, stale);
      const ageSeconds = (clock.now() - fetchedAt) / 1000;
      emit({
        type: "stale",
        id,
        source: label,
        origin: staleHit.origin,
        ageSeconds,
        error: error.message,
      });
      const served = new Remembered(staleHit, fetchedAt, error.message);
      keep(id, flight, served, Math.max(1, Math.min(positiveMs, RETRY_AFTER_FAILURE_MS)));
      return served;
    } finally {
      call.settle();
    }
  }

  const single: Plan<H> = (id) => {
    const call = new SharedCall();
    return { call, answer: Promise.resolve().then(() => source.get(id, call.options())) };
  };

  /**
   * A plan for a source with `getMany`: the ids of one batch lookup that need a call (not cached,
   * not in flight) go out together, as one `getMany`, on the next microtask.
   */
  function batchPlan(getMany: NonNullable<EngineSource<H>["getMany"]>): Plan<H> {
    const ids: string[] = [];
    const call = new SharedCall();
    let answers: Promise<ReadonlyMap<string, H>> | undefined;
    return (id) => {
      ids.push(id);
      answers ??= Promise.resolve().then(() => getMany(ids, call.options()));
      return { call, answer: answers.then((found) => found.get(id)) };
    };
  }

  /**
   * Serves the id from the cache, or starts (or joins) its flight, synchronously; `plan` is used
   * only when a call is needed. An expired hit younger than `maxStaleSeconds` is served at once
   * while a background call refreshes it.
   */
  function start(id: string, plan: Plan<H>): Started<H> {
    const before = lru.peek(id, { allowStale: true });
    const allowStale =
      settings.staleWhileRevalidate &&
      before !== undefined &&
      hitOf(before) !== undefined &&
      young(id, before);
    const flying = flights.get(id);
    if (flying) return allowStale ? { value: before as CachedValue<H>, served: "stale" } : { flight: flying };
    if (before !== undefined && lru.getRemainingTTL(id) > 0) {
      lru.get(id); // most recently used
      return { value: before, served: "fresh" };
    }
    if (!allowStale) return { flight: fly(id, plan, before) };
    if (!source.getMany) fly(id, plan, before, true);
    else {
      const batch = batchPlan(source.getMany.bind(source));
      fly(id, batch, before, true);
      refreshAhead(id, batch);
    }
    return { value: before as CachedValue<H>, served: "stale" };
  }

  /**
   * Joins to a background refresh every other hit of the source that is due within the jitter
   * window or already past its lifetime (and young enough to serve, and not in flight), so that
   * ids falling due close together go out as one batch call. The walk includes stale entries
   * (`dump()`; `entries()` skips them): with reads rarer than the window, every id of a process is
   * past its lifetime by the time one is read again, and each used to be refreshed by a call of its own.
   */
  function refreshAhead(first: string, batch: Plan<H>): void {
    const aheadMs = positiveMs * jitter;
    const due: [string, CachedValue<H>][] = [];
    for (const [id, { value }] of lru.dump()) {
      if (id === first || hitOf(value) === undefined || flights.has(id) || !young(id, value)) continue;
      if (lru.getRemainingTTL(id) <= aheadMs) due.push([id, value]);
    }
    for (const [id, value] of due) fly(id, batch, value, true);
  }

  function toLookup(id: string, value: CachedValue<H>, served: "fresh" | "stale" | "call"): CacheLookup<H> {
    const hit = hitOf(value);
    const staleBecause = staleBecauseOf(value);
    let cache: CacheState = "call";
    if (staleBecause !== undefined || served === "stale") cache = "stale";
    else if (served === "fresh") cache = hit ? "fresh" : "negative";
    const ageSeconds = (clock.now() - fetchedAtOf(id, value)) / 1000;
    const out: CacheLookup<H> = { hit, cache, ageSeconds };
    if (staleBecause !== undefined) out.staleBecause = staleBecause;
    return out;
  }

  async function lookupOnce(id: string, plan: Plan<H>, signal?: AbortSignal): Promise<CacheLookup<H>> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = start(id, plan);
      if (!("flight" in started)) return toLookup(id, started.value, started.served);
      const { call, promise } = started.flight;
      const leave = call.join(signal);
      try {
        return toLookup(id, await raceAbort(promise, signal), "call");
      } catch (error) {
        // joined a call that its own callers had just abandoned: start a new one (once)
        if (!call.aborted || signal?.aborted || attempt > 0) throw error;
      } finally {
        leave();
      }
    }
    throw new SourceError("lookup was abandoned by its other callers", { source: label });
  }

  const engine: CacheEngine<H> = {
    lookup(id, options) {
      options?.signal?.throwIfAborted();
      const fresh = engine.peekLookup(id);
      return fresh ? Promise.resolve(fresh) : lookupOnce(id, single, options?.signal);
    },
    peekLookup(id) {
      const status: Status<H> = {};
      const value = lru.get(id, { status });
      if (!value || staleBecauseOf(value) !== undefined) return undefined;
      const hit = hitOf(value);
      const ageSeconds = (clock.now() - fetchedAtOf(id, value, status)) / 1000;
      return { hit, cache: hit ? "fresh" : "negative", ageSeconds };
    },
    async lookupMany(ids, options) {
      const signal = options?.signal;
      signal?.throwIfAborted();
      const unique = [...new Set(ids)];
      const plan = source.getMany ? batchPlan(source.getMany.bind(source)) : single;
      const settled = await raceAbort(
        Promise.allSettled(unique.map((id) => lookupOnce(id, plan, signal))),
        signal,
      );
      const out = new Map<string, CacheLookup<H> | { error: unknown }>();
      settled.forEach((r, i) => {
        out.set(unique[i] as string, r.status === "fulfilled" ? r.value : { error: r.reason });
      });
      return out;
    },
    peekFresh(id) {
      return lru.get(id);
    },
    freshForMs(id) {
      const remaining = lru.getRemainingTTL(id);
      return Number.isFinite(remaining) ? Math.max(0, remaining) : 0;
    },
    invalidate(id) {
      flights.delete(id); // its callers still get its answer; the cache does not keep it
      entries.delete(id);
    },
    clear() {
      flights.clear();
      lru.clear();
    },
  };
  return engine;
}

function definedOnly(options: CacheConfig): CacheConfig {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(CACHE_DEFAULTS)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as CacheConfig;
}
