/** A clock in milliseconds (monotonic); `performance` by default. */
export interface BucketClock {
  now(): number;
}

/** Options of {@link createTokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens added per second (the quota's TPS). `0` = never refilled. */
  ratePerSecond: number;
  /** Most tokens held at once (the burst); the bucket starts full. Default: `ratePerSecond`, at least 1. */
  burst?: number;
  /** Time source in ms. Default `performance`. */
  clock?: BucketClock;
}

/** A token bucket; see {@link createTokenBucket}. */
export interface TokenBucket {
  /** Takes one token if there is one: `true` = the request is within the quota. */
  tryTake(): boolean;
  /** Tokens available now (fractional). */
  available(): number;
}

/**
 * A token bucket, the shape AWS throttles API calls with: it holds at most `burst` tokens, gains
 * `ratePerSecond` tokens a second (continuously, by elapsed clock time), and each request takes one;
 * a request that finds less than one token is over the quota.
 *
 * @example
 * ```ts
 * let t = 0;
 * const bucket = createTokenBucket({ ratePerSecond: 40, clock: { now: () => t } });
 * bucket.tryTake(); // true (40 in the burst)
 * t += 25;          // 25 ms later: one more token
 * ```
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const clock = options.clock ?? performance;
  const rate = Math.max(0, options.ratePerSecond);
  const burst = Math.max(1, options.burst ?? rate);
  let tokens = burst;
  let last = clock.now();
  const refill = (): void => {
    const now = clock.now();
    if (now > last) tokens = Math.min(burst, tokens + ((now - last) * rate) / 1000);
    last = Math.max(last, now);
  };
  return {
    tryTake() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    available() {
      refill();
      return tokens;
    },
  };
}
