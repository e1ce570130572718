/**
 * Runs `run` for every item, at most `limit` at a time, in order of the items; starts no new item
 * once `signal` is aborted. `run` should not reject (record failures instead): a rejection ends
 * the whole call with it, the runs already started go on.
 *
 * @example
 * ```ts
 * await forEachBounded(secretIds, 8, async (id) => { answers.set(id, await read(id)); }, signal);
 * ```
 */
export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
