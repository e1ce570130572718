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
}
