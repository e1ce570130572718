/**
 * The one "load once" rule of awsconn, for an SDK client, an SDK module (`import()`) or anything
 * else made on first use: `ready` when the caller gave one, else the promise of `create()`, shared by
 * concurrent callers and remembered. A failed creation (a failed `import()` included) is not
 * remembered: the callers waiting on it get its error, and the next call tries again, so a
 * passing fault (a file system hiccup, a rebuild under a running process) never sticks for the
 * life of the process.
 *
 * @example
 * ```ts
 * const client = lazyClient(init.client, () => createSsmClient(init));
 * const c = await client(); // created once
 * const sdk = lazyClient(undefined, () => import("@aws-sdk/client-ssm")); // imported once
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
