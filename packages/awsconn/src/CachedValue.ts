import type { Connection, SourceHit } from "@awsconn/core";

/**
 * What a cached source keeps per id: the source's answer (a hit, or `undefined` for "not here")
 * and when it was fetched. An expiry value object in the spirit of Powertools' `ExpirableValue`;
 * the TTL itself lives in the LRU.
 *
 * @example
 * ```ts
 * const value = createCachedValue(hit, clock.now());
 * value.hit?.origin; // "secretsmanager:airflow/connections/aws_default@v1"
 * ```
 */
export interface CachedValue {
  /** The source's answer; `undefined` means the source does not have the id. */
  readonly hit: SourceHit | undefined;
  /** Clock time (ms) of the backend call that produced the answer; a stale re-serve keeps it. */
  readonly fetchedAt: number;
  /** Set when this value is served again because a refresh failed: the failure, without secrets. */
  readonly staleBecause?: string;
  /** A settled promise of the connection, made on first use, so a cached `get` allocates nothing. */
  settled?: Promise<Connection>;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Makes a {@link CachedValue}. The hit is frozen (deeply), since every caller shares it.
 *
 * @example
 * ```ts
 * createCachedValue(undefined, 1000).hit; // undefined: a remembered "not here"
 * ```
 */
export function createCachedValue(hit: SourceHit | undefined, fetchedAt: number): CachedValue {
  if (hit) deepFreeze(hit.connection);
  return { hit, fetchedAt };
}

/**
 * The settled promise of a cached hit's connection (made once per value).
 *
 * @example
 * ```ts
 * const p = settledConnection(value); // the same promise on every call
 * ```
 */
export function settledConnection(value: CachedValue & { hit: SourceHit }): Promise<Connection> {
  value.settled ??= Promise.resolve(value.hit.connection);
  return value.settled;
}
