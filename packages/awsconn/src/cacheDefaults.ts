import type { CacheConfig } from "./types.js";

/**
 * The defaults of the `cache` section.
 *
 * @example
 * ```ts
 * CACHE_DEFAULTS.ttlSeconds; // 300
 * ```
 */
export const CACHE_DEFAULTS: Required<CacheConfig> = {
  ttlSeconds: 300,
  negativeTtlSeconds: 5,
  staleWhileRevalidate: true,
  maxStaleSeconds: 3600,
  maxEntries: 1000,
};
