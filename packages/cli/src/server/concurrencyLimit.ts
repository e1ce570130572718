/** A counter of requests in progress with a fixed bound; see {@link concurrencyLimit}. */
export interface ConcurrencyLimit {
  /** Takes a slot: a function that gives it back (call it once), or `undefined` when all are taken. */
  tryAcquire(): (() => void) | undefined;
  /** Slots taken now. */
  readonly active: number;
  /** The bound. */
  readonly max: number;
}

/**
 * Bounds how many requests the credentials server works on at once; the request beyond the bound is
 * answered `503` at once instead of queueing (a client retries; memory stays bounded).
 *
 * @example
 * ```ts
 * const limit = concurrencyLimit(128);
 * const release = limit.tryAcquire();
 * if (!release) return reply(503);
 * try { await handle(); } finally { release(); }
 * ```
 */
export function concurrencyLimit(max: number): ConcurrencyLimit {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`concurrency limit must be an integer >= 1, got ${max}`);
  let active = 0;
  return {
    tryAcquire() {
      if (active >= max) return undefined;
      active += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active -= 1;
      };
    },
    get active() {
      return active;
    },
    max,
  };
}
