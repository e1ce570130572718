/**
 * A clock in milliseconds; must be monotonic and start above 0. Default {@link DEFAULT_CLOCK}.
 *
 * @example
 * ```ts
 * let t = 1000; createResolver({ clock: { now: () => t } });
 * ```
 */
export interface Clock {
  now(): number;
  /**
   * Waits `ms` of this clock's time (a `preload` waiting out throttling). Default: a real timer
   * (`node:timers/promises` `setTimeout`). A test clock resolves it when its time is moved on; it
   * should reject with the signal's reason when `signal` aborts.
   */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The resolver's default clock: Node's monotonic `process.hrtime`, in milliseconds. Not the
 * `performance` global, whose first use loads Node's perf_hooks modules (about 2 ms of a
 * process's start, on every lookup's path).
 *
 * @example
 * ```ts
 * const t0 = DEFAULT_CLOCK.now();
 * ```
 */
export const DEFAULT_CLOCK: Clock = { now: () => Number(process.hrtime.bigint()) / 1e6 };
