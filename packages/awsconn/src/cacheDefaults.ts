/**
 * The defaults of the `cache` section (the config schema fills them in).
 *
 * @example
 * ```ts
 * CACHE_DEFAULTS.ttlSeconds; // 300
 * ```
 */
export const CACHE_DEFAULTS = {
  ttlSeconds: 300,
  negativeTtlSeconds: 5,
  staleWhileRevalidate: true,
  maxStaleSeconds: 3600,
  maxEntries: 1000,
};
