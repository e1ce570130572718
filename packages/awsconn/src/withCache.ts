import type { Connection, ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import { SourceError } from "@awsconn/core";
import { LRUCache } from "lru-cache";
import { CACHE_DEFAULTS } from "./cacheDefaults.js";
import type { CachedSource, CacheLookup } from "./CachedSource.js";
import { type CachedValue, freezeHit, hitOf, NOT_HERE, Remembered, staleBecauseOf } from "./CachedValue.js";
import { protectHit } from "./protectHit.js";
import type { Clock } from "./Clock.js";
import type { CacheState } from "./Explanation.js";
import { raceAbort } from "./raceAbort.js";
import type { ResolverEvent } from "./ResolverEvent.js";
import { SharedCall } from "./SharedCall.js";
import { toSourceError } from "./toSourceError.js";
import type { CacheConfig } from "./types.js";

/** After a failed refresh served a stale value, the next attempt comes at most this much later (ms). */
export const RETRY_AFTER_FAILURE_MS = 5000;

/** Default {@link WithCacheOptions.jitter}: lifetimes are 80-100% of the TTL. */
export const DEFAULT_JITTER = 0.2;

/**
 * Options of {@link withCache}: the `cache` settings of the resolver plus where events go.
 *
 * @example
 * ```ts
 * { ttlSeconds: 60, negativeTtlSeconds: 5, maxStaleSeconds: 600, label: "secretsmanager", onEvent: console.log }
 * ```
 */
export interface WithCacheOptions extends CacheConfig {
  /** Clock in ms (monotonic, above 0). Default `performance`. */
  clock?: Clock;
  /** The name used in events. Default: the source's name. */
  label?: string;
  /** Receives `stale` and `refresh` events; never a secret. */
  onEvent?: (event: ResolverEvent) => void;
  /**
   * Spreads lifetimes so that processes started together do not refresh together: each answer is
   * kept for a random 80-100% of its TTL with the default 0.2 (`0` = exactly the TTL). Also the
   * refresh-ahead window: when a background refresh runs, every other hit of the source due within
   * `jitter * ttlSeconds` is refreshed in the same batch call.
   */
  jitter?: number;
  /** Random numbers in [0, 1) for the jitter (tests). Default `Math.random`. */
  random?: () => number;
}

/** How a flight gets its answer: its shared call and the promise of the source's answer. */
type Plan = (connId: string) => { call: SharedCall; answer: Promise<SourceHit | undefined> };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
type Status = LRUCache.Status<string, CachedValue>;
/** One id's backend call in flight: the call its callers join, and the value it will give. */
interface Flight {
  readonly call: SharedCall;
  promise: Promise<CachedValue>;
}
/** What {@link withCache}'s `start` gives: a value to serve now (`fresh` or `stale`), or a flight to join. */
type Started = { value: CachedValue; served: "fresh" | "stale" } | { flight: Flight };

/**
 * Wraps a remote source in a cache (on lru-cache's `fetch`), as smithy's `memoize` wraps a provider:
 * 1. a fresh answer (hit, or "not here" for `negativeTtlSeconds`) is a map read;
 * 2. concurrent lookups of one id share one backend call, whatever mix of `get`, `getMany` and
 *    `lookupMany` asks; ids of one `getMany` that are not cached or in flight go out as one batch;
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
 * const sm = withCache(fromSecretsManager({ region: "eu-west-1" }), { ttlSeconds: 60 });
 * const { hit, cache } = await sm.lookup("aws_default"); // cache: "call", then "fresh" for 60 s
 * ```
 */
export function withCache(source: ConnectionSource, options: WithCacheOptions = {}): CachedSource {
  const settings = { ...CACHE_DEFAULTS, ...definedOnly(options) };
  const clock = options.clock ?? performance;
  const label = options.label ?? source.name;
  const emit = options.onEvent ?? (() => {});
  const positiveMs = settings.ttlSeconds * 1000;
  const negativeMs = settings.negativeTtlSeconds * 1000;
  // Flights are kept here, not in the LRU (whose fetch() costs an AbortController, promises and
  // listeners per call): the LRU only stores settled values.
  const flights = new Map<string, Flight>();
  const jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_JITTER));
  const random = options.random ?? Math.random;
  /** A lifetime in ms for a TTL in ms: 80-100% of it with the default jitter. */
  const lifetime = (ttl: number): number => Math.max(1, Math.round(ttl * (1 - jitter * random())));

  /**
   * When the value's backend call was made: its own time, else its LRU entry's start (an entry's
   * start is reset only when its value is replaced; a value kept across a set is a `Remembered`).
   */
  const fetchedAtOf = (connId: string, value: CachedValue, status?: Status): number => {
    if (value instanceof Remembered && value.fetchedAt !== undefined) return value.fetchedAt;
    if (status?.start !== undefined) return status.start;
    const entry: Status = {};
    lru.has(connId, { status: entry });
    return entry.start ?? clock.now();
  };

  const young = (connId: string, value: CachedValue): boolean =>
    clock.now() - fetchedAtOf(connId, value) < settings.maxStaleSeconds * 1000;

  const lru = new LRUCache<string, CachedValue>({
    max: settings.maxEntries,
    ttl: Math.max(1, positiveMs),
    ttlResolution: 0,
    perf: clock,
    allowStale: false,
    noDeleteOnStaleGet: true,
  });

  /** Stores what a flight got, unless the id was forgotten (or asked again) meanwhile; `ttl` 0 keeps nothing. */
  function keep(connId: string, flight: Flight, value: CachedValue | undefined, ttl: number): void {
    if (flights.get(connId) !== flight) return;
    flights.delete(connId);
    if (value !== undefined && ttl > 0) lru.set(connId, value, { ttl });
    else lru.delete(connId);
  }

  /**
   * Starts the id's backend call; `stale` is what the cache holds for it (expired, or due early).
   * A `background` refresh (the stale value is being served) lands its answer a turn of the event
   * loop later, so whoever was served the stale value still sees the cache as it was (rotation
   * leases read its freshness).
   */
  function fly(connId: string, plan: Plan, stale: CachedValue | undefined, background = false): Flight {
    const { call, answer } = plan(connId);
    const flight: Flight = { call, promise: Promise.resolve(NOT_HERE) };
    flights.set(connId, flight);
    flight.promise = refresh(connId, stale, flight, background ? answer.finally(nextTurn) : answer);
    flight.promise.catch(() => {}); // a background refresh may have no caller; callers see the rejection
    return flight;
  }

  async function refresh(
    connId: string,
    stale: CachedValue | undefined,
    flight: Flight,
    answer: Promise<SourceHit | undefined>,
  ): Promise<CachedValue> {
    const { call } = flight;
    const t0 = clock.now();
    const staleHit = stale && hitOf(stale);
    try {
      const hit = protectHit(await answer);
      if (hit) freezeHit(hit);
      const ttl = hit ? positiveMs : negativeMs;
      const value: CachedValue = hit ?? NOT_HERE;
      // ttl 0: not kept, only shared with the lookups that joined the call
      keep(connId, flight, value, ttl > 0 ? lifetime(ttl) : 0);
      if (staleHit) {
        const same = staleHit.origin === hit?.origin;
        const outcome = same ? "unchanged" : "updated";
        emit({ type: "refresh", connId, source: label, outcome, ms: clock.now() - t0 });
      }
      return value;
    } catch (thrown) {
      if (call.aborted) {
        if (!stale) {
          keep(connId, flight, undefined, 0);
          throw thrown;
        }
        // every caller gave up: keep the previous value, due for a new call
        const kept = stale instanceof Remembered ? stale : new Remembered(stale, fetchedAtOf(connId, stale));
        keep(connId, flight, kept, 1);
        return kept;
      }
      if (staleHit) emit({ type: "refresh", connId, source: label, outcome: "failed", ms: clock.now() - t0 });
      const error = toSourceError(thrown, label);
      if (!(error instanceof SourceError) || !staleHit || !young(connId, stale)) {
        keep(connId, flight, undefined, 0);
        throw error;
      }
      const fetchedAt = fetchedAtOf(connId, stale);
      const ageSeconds = (clock.now() - fetchedAt) / 1000;
      emit({
        type: "stale",
        connId,
        source: label,
        origin: staleHit.origin,
        ageSeconds,
        error: error.message,
      });
      const served = new Remembered(staleHit, fetchedAt, error.message);
      keep(connId, flight, served, Math.max(1, Math.min(positiveMs, RETRY_AFTER_FAILURE_MS)));
      return served;
    } finally {
      call.settle();
    }
  }

  const single: Plan = (connId) => {
    const call = new SharedCall();
    return { call, answer: Promise.resolve().then(() => source.get(connId, call.options())) };
  };

  /**
   * A plan for a source with `getMany`: the ids of one batch lookup that need a call (not cached,
   * not in flight) go out together, as one `getMany`, on the next microtask.
   */
  function batchPlan(getMany: NonNullable<ConnectionSource["getMany"]>): Plan {
    const ids: string[] = [];
    const call = new SharedCall();
    let answers: Promise<Map<string, SourceHit>> | undefined;
    return (connId) => {
      ids.push(connId);
      answers ??= Promise.resolve().then(() => getMany(ids, call.options()));
      return { call, answer: answers.then((found) => found.get(connId)) };
    };
  }

  /**
   * Serves the id from the cache, or starts (or joins) its flight, synchronously; `plan` is used
   * only when a call is needed. An expired hit younger than `maxStaleSeconds` is served at once
   * while a background call refreshes it.
   */
  function start(connId: string, plan: Plan): Started {
    const before = lru.peek(connId, { allowStale: true });
    const allowStale =
      settings.staleWhileRevalidate &&
      before !== undefined &&
      hitOf(before) !== undefined &&
      young(connId, before);
    const flying = flights.get(connId);
    if (flying) return allowStale ? { value: before as CachedValue, served: "stale" } : { flight: flying };
    if (before !== undefined && lru.getRemainingTTL(connId) > 0) {
      lru.get(connId); // most recently used
      return { value: before, served: "fresh" };
    }
    if (!allowStale) return { flight: fly(connId, plan, before) };
    if (!source.getMany) fly(connId, plan, before, true);
    else {
      const batch = batchPlan(source.getMany.bind(source));
      fly(connId, batch, before, true);
      refreshAhead(connId, batch);
    }
    return { value: before as CachedValue, served: "stale" };
  }

  /**
   * Joins to a background refresh every other hit of the source that is due within the jitter
   * window or already past its lifetime (and young enough to serve, and not in flight), so that
   * ids falling due close together go out as one batch call. The walk includes stale entries
   * (`dump()`; `entries()` skips them): with reads rarer than the window, every id of a process is
   * past its lifetime by the time one is read again, and each used to be refreshed by a call of its own.
   */
  function refreshAhead(first: string, batch: Plan): void {
    const aheadMs = positiveMs * jitter;
    const due: [string, CachedValue][] = [];
    for (const [id, { value }] of lru.dump()) {
      if (id === first || hitOf(value) === undefined || flights.has(id) || !young(id, value)) continue;
      if (lru.getRemainingTTL(id) <= aheadMs) due.push([id, value]);
    }
    for (const [id, value] of due) fly(id, batch, value, true);
  }

  function toLookup(connId: string, value: CachedValue, served: "fresh" | "stale" | "call"): CacheLookup {
    const hit = hitOf(value);
    const staleBecause = staleBecauseOf(value);
    let cache: CacheState = "call";
    if (staleBecause !== undefined || served === "stale") cache = "stale";
    else if (served === "fresh") cache = hit ? "fresh" : "negative";
    const ageSeconds = (clock.now() - fetchedAtOf(connId, value)) / 1000;
    const out: CacheLookup = { hit, cache, ageSeconds };
    if (staleBecause !== undefined) out.staleBecause = staleBecause;
    return out;
  }

  async function lookupOnce(connId: string, plan: Plan, signal?: AbortSignal): Promise<CacheLookup> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = start(connId, plan);
      if (!("flight" in started)) return toLookup(connId, started.value, started.served);
      const { call, promise } = started.flight;
      const leave = call.join(signal);
      try {
        return toLookup(connId, await raceAbort(promise, signal), "call");
      } catch (error) {
        // joined a call that its own callers had just abandoned: start a new one (once)
        if (!call.aborted || signal?.aborted || attempt > 0) throw error;
      } finally {
        leave();
      }
    }
    throw new SourceError("lookup was abandoned by its other callers", { source: label });
  }

  const cached: CachedSource = {
    name: source.name,
    inner: source,
    lookup(connId, options) {
      options?.signal?.throwIfAborted();
      const fresh = cached.peekLookup(connId);
      return fresh ? Promise.resolve(fresh) : lookupOnce(connId, single, options?.signal);
    },
    peekLookup(connId) {
      const status: Status = {};
      const value = lru.get(connId, { status });
      if (!value || staleBecauseOf(value) !== undefined) return undefined;
      const hit = hitOf(value);
      const ageSeconds = (clock.now() - fetchedAtOf(connId, value, status)) / 1000;
      return { hit, cache: hit ? "fresh" : "negative", ageSeconds };
    },
    async lookupMany(connIds, options) {
      const signal = options?.signal;
      signal?.throwIfAborted();
      const ids = [...new Set(connIds)];
      const plan = source.getMany ? batchPlan(source.getMany.bind(source)) : single;
      const settled = await raceAbort(
        Promise.allSettled(ids.map((id) => lookupOnce(id, plan, signal))),
        signal,
      );
      const out = new Map<string, CacheLookup | { error: unknown }>();
      settled.forEach((r, i) => {
        out.set(ids[i] as string, r.status === "fulfilled" ? r.value : { error: r.reason });
      });
      return out;
    },
    async get(connId, options) {
      return (await cached.lookup(connId, options)).hit;
    },
    async getMany(connIds, options) {
      const out = new Map<string, SourceHit>();
      for (const [id, r] of await cached.lookupMany(connIds, options)) {
        if ("error" in r) throw r.error;
        if (r.hit) out.set(id, r.hit);
      }
      return out;
    },
    peekFresh(connId) {
      return lru.get(connId);
    },
    freshForMs(connId) {
      const remaining = lru.getRemainingTTL(connId);
      return Number.isFinite(remaining) ? Math.max(0, remaining) : 0;
    },
    invalidate(connId) {
      flights.delete(connId); // its callers still get its answer; the cache does not keep it
      lru.delete(connId);
    },
    clear() {
      flights.clear();
      lru.clear();
    },
  };
  if (source.list)
    cached.list = (options?: SourceCallOptions) => (source.list as NonNullable<typeof source.list>)(options);
  if (source.put) {
    const put = source.put.bind(source);
    cached.put = async (connection: Connection, options?: SourceCallOptions) => {
      await put(connection, options);
      cached.invalidate(connection.connId);
    };
  }
  return cached;
}

function definedOnly(options: CacheConfig): CacheConfig {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as CacheConfig;
}
