/**
 * A `Map` that keeps at most `max` keys and drops the one used least recently (a read or a write
 * counts as a use): a Map's keys keep their insertion order, so a use moves its key to the end and
 * the first key is the oldest. For small memos on paths where a process should not load
 * `lru-cache` (resolving it and loading it cost a `credential_process` run about 5-10 ms), and
 * which need no TTL: the resolver's AWS client configurations and their credential providers.
 *
 * @example
 * ```ts
 * const memo = new RecentMap<number>(2);
 * memo.set("a", 1); memo.set("b", 2); memo.get("a"); memo.set("c", 3);
 * [...memo.keys()]; // ["a", "c"]: "b" was the least recently used
 * ```
 */
export class RecentMap<V> {
  readonly #map = new Map<string, V>();

  /** @param max the most keys kept (at least 1) */
  constructor(readonly max: number) {}

  /** The value of `key`, which becomes the most recently used; `undefined` if absent. */
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  /** Sets `key` (the most recently used now), dropping the least recently used key past `max`. */
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > Math.max(1, this.max)) this.#map.delete(this.#map.keys().next().value as string);
  }

  delete(key: string): boolean {
    return this.#map.delete(key);
  }

  /** The keys, least recently used first. */
  keys(): IterableIterator<string> {
    return this.#map.keys();
  }

  clear(): void {
    this.#map.clear();
  }
}
