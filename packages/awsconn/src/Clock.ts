/**
 * A clock in milliseconds; must be monotonic and start above 0. Default `performance`.
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
