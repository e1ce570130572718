/**
 * The SDK client (or SDK module) of a source, made on first use: `ready` when the caller gave one, else the
 * promise of `create()`, shared by concurrent callers and remembered; a failed creation is
 * forgotten so that the next call tries again.
 *
 * @example
 * ```ts
 * const client = lazyClient(init.client, () => createSsmClient(init));
 * const c = await client(); // created once
 * ```
 */
export function lazyClient<C>(ready: C | undefined, create: () => Promise<C>): () => Promise<C> {
  if (ready !== undefined) return () => Promise.resolve(ready);
  let pending: Promise<C> | undefined;
  return () => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
