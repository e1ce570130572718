import { loadOnce } from "@awsconn/core";

/**
 * An SDK client, an SDK module (`import()`) or anything else made on first use: `ready` when the
 * caller gave one, else `create()` by awsconn's one "load once" rule (`loadOnce` of `@awsconn/core`):
 * shared by concurrent callers and remembered; a failed creation (a failed `import()` included) is
 * not remembered, and the next call tries again.
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
  return loadOnce(create);
}
