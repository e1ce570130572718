import type { LRUCache } from "lru-cache";

// A key no id can be (ids are strings): the LRU's Map takes any key.
const PLACEHOLDER = Symbol("awsconn: keeps the LRU from emptying") as unknown as string;

/**
 * Deletes and sets on an lru-cache that never make it empty its arrays. lru-cache 11 clears every
 * array it preallocated for `max` entries when its last entry is deleted: with the default 1,000
 * entries, forgetting the only cached id cost about 14 µs (50 µs cold) instead of 0.3 µs, on every
 * `invalidate` of a resolver that holds one connection. So before the last entry goes, a
 * placeholder takes its place, and the next set removes it again: the placeholder is only there
 * while the cache is otherwise empty, and never takes a slot from an id. Its value is `filler`,
 * which the cache must treat as holding no hit.
 *
 * @example
 * ```ts
 * const entries = lastEntryGuard(lru, NOT_HERE);
 * entries.set("aws_default", hit, { ttl: 60_000 });
 * entries.delete("aws_default"); // lru.size === 1: the placeholder
 * ```
 */
export function lastEntryGuard<V extends {}>(lru: LRUCache<string, V>, filler: V) {
  return {
    /** `lru.delete(id)`, keeping one entry. */
    delete(id: string): void {
      if (lru.size === 1) lru.set(PLACEHOLDER, filler);
      lru.delete(id);
    },
    /** `lru.set(id, value, options)`, then the placeholder goes. */
    set(id: string, value: V, options?: LRUCache.SetOptions<string, V, unknown>): void {
      lru.set(id, value, options);
      if (lru.size > 1) lru.delete(PLACEHOLDER);
    },
  };
}
