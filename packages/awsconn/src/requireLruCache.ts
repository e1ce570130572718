import { createRequire } from "node:module";
import type * as LruCache from "lru-cache";

const requireHere = createRequire(import.meta.url);
let loaded: typeof LruCache.LRUCache | undefined;

/**
 * `lru-cache`'s `LRUCache` class, loaded on the first call: only a resolver with a remote source
 * (its cache) or one asked for an AWS client configuration needs it, so an env- or file-only
 * process never loads it (about 5 ms of start-up, `node:diagnostics_channel` included).
 * Synchronous, because caches are built when the resolver is created. A literal
 * `require("lru-cache")` where `require` exists (the CommonJS build, a bundler's output, which then
 * bundles it), else Node's `require` from this module's folder, as `requireZod` does.
 *
 * @example
 * ```ts
 * const LRUCache = requireLruCache();
 * const lru = new LRUCache<string, number>({ max: 10 });
 * ```
 */
export function requireLruCache(): typeof LruCache.LRUCache {
  if (!loaded) {
    const mod = (
      typeof require === "function" ? require("lru-cache") : requireHere("lru-cache")
    ) as typeof LruCache;
    loaded = mod.LRUCache;
  }
  return loaded;
}
