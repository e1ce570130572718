import type { Connection, SourceHit } from "@awsconn/core";

/**
 * A cached answer that carries its own time: a value served again after a failed refresh (with
 * the failure), one kept after every caller of its refresh gave up, or one not to be kept
 * (`ttlSeconds: 0`). The shared {@link NOT_HERE} is the usual "not here".
 *
 * @example
 * ```ts
 * new Remembered(hit, fetchedAt, "SourceError: throttled").staleBecause; // "SourceError: throttled"
 * ```
 */
export class Remembered<H = SourceHit> {
  constructor(
    /** The source's answer; `undefined` means the source does not have the id. */
    readonly hit: H | undefined,
    /** Clock time (ms) of the backend call that produced the answer; `undefined`: the cache entry's own time. */
    readonly fetchedAt: number | undefined,
    /** Set when this value is served again because a refresh failed: the failure, without secrets. */
    readonly staleBecause?: string,
  ) {}
}

/** The cached "not here" (its time is the cache entry's); the same object for every kind of value. */
export const NOT_HERE: Remembered<never> = new Remembered<never>(undefined, undefined);

/**
 * What a cached source keeps per id, as lean as a cache entry can be: a fresh hit is the source's
 * own {@link SourceHit} object (its time is the LRU entry's start), "not here" the shared
 * {@link NOT_HERE}, anything else a {@link Remembered}. An expiry value in the spirit of
 * Powertools' `ExpirableValue`, with the TTL and the time kept by the LRU. `H` is the kind of
 * answer: a connection source's {@link SourceHit} (the default) or a Variable source's `VariableHit`.
 *
 * @example
 * ```ts
 * const value: CachedValue = hit ?? NOT_HERE;
 * hitOf(value)?.origin; // "secretsmanager:airflow/connections/aws_default@v1"
 * ```
 */
export type CachedValue<H = SourceHit> = H | Remembered<H>;

/**
 * The source's answer held by a cached value (`undefined`: "not here").
 *
 * @example
 * ```ts
 * hitOf(NOT_HERE); // undefined
 * ```
 */
export function hitOf<H = SourceHit>(value: CachedValue<H>): H | undefined {
  return value instanceof Remembered ? value.hit : value;
}

/**
 * Why a cached value is served although its refresh failed; `undefined` for a good value.
 *
 * @example
 * ```ts
 * staleBecauseOf(hit); // undefined
 * ```
 */
export function staleBecauseOf<H = SourceHit>(value: CachedValue<H>): string | undefined {
  return value instanceof Remembered ? value.staleBecause : undefined;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
}

/**
 * Freezes the hit's connection (deeply: its extra too), since every caller shares it.
 *
 * @example
 * ```ts
 * freezeHit(hit); // Object.isFrozen(hit.connection.extra) === true
 * ```
 */
export function freezeHit(hit: SourceHit): void {
  deepFreeze(hit.connection);
}

// The last hit asked for and its settled promise: one slot, so that a service asking for the
// same id again and again allocates nothing, while a cache of many ids holds no promise per id
// (a promise kept per hit, in a WeakMap, held about 75 B more per cached connection).
let lastHit: SourceHit | undefined;
let lastPromise: Promise<Connection> | undefined;

/**
 * The settled promise of a cached hit's connection: the same promise while the same hit is asked
 * for in a row (one slot, shared by every resolver), a new one otherwise.
 *
 * @example
 * ```ts
 * settledConnection(hit) === settledConnection(hit); // true
 * ```
 */
export function settledConnection(hit: SourceHit): Promise<Connection> {
  if (hit !== lastHit || lastPromise === undefined) {
    lastPromise = Promise.resolve(hit.connection);
    lastHit = hit;
  }
  return lastPromise;
}
