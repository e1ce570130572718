import { type Connection, ConnectionNotFoundError } from "@awsconn/core";
import type { Resolution } from "./types.js";

/**
 * What the resolver keeps per id: the finished resolution, when it was fetched, and the
 * already-settled promise every cached `get` returns (so a cached `get` allocates nothing).
 *
 * @example
 * ```ts
 * const entry = createCacheEntry(resolution, clock.now(), true);
 * await entry.promise; // the Connection, or throws ConnectionNotFoundError
 * ```
 */
export interface CacheEntry {
  readonly resolution: Resolution;
  /** Clock time (ms) of the lookup that produced the value; a stale re-serve keeps it. */
  readonly fetchedAt: number;
  /** Settled: resolves the connection, or rejects with `ConnectionNotFoundError`. */
  readonly promise: Promise<Connection>;
  /** "Found nowhere". */
  readonly negative: boolean;
  /** Whether the entry may stay in the cache (remote results only). */
  readonly cacheable: boolean;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Makes a {@link CacheEntry}. Cacheable connections are frozen (deeply), since every caller shares them.
 *
 * @example
 * ```ts
 * createCacheEntry({ connId: "x", winner: null, steps: [], remote: true, live: false }, 1000, true).negative; // true
 * ```
 */
export function createCacheEntry(resolution: Resolution, fetchedAt: number, cacheable: boolean): CacheEntry {
  const { connection } = resolution;
  let promise: Promise<Connection>;
  if (connection) {
    promise = Promise.resolve(cacheable ? deepFreeze(connection) : connection);
  } else {
    const sources = resolution.steps.map((s) => s.source);
    promise = Promise.reject(new ConnectionNotFoundError(resolution.connId, sources));
    promise.catch(() => {});
  }
  return { resolution, fetchedAt, promise, negative: !connection, cacheable };
}
