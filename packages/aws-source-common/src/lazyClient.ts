import { loadOnce } from "@awsconn/core";

/**
 * An SDK client, an SDK module or anything else made on first use: `ready` when the caller gave one,
 * else `create()` by awsconn's one "load once" rule (`loadOnce` of `@awsconn/core`): shared by
 * concurrent callers and remembered; a failed creation (a failed load included) is not remembered,
 * and the next call tries again.
 *
 * An SDK package is loaded with `require`, not `import()`: the AWS SDK serves CommonJS to Node
 * either way (the same module), but an ES module's `import()` of a CommonJS file first runs Node's
 * CommonJS lexer over it and over every file it re-exports, which costs a fresh process tens of
 * milliseconds for one client. Each place writes `typeof require === "function" ? require("x") :
 * requireHere("x")`: the literal `require("x")` is what a bundler follows (and what the CommonJS build
 * runs), `requireHere` (`createRequire(import.meta.url)`) what the ES module build runs in Node.
 *
 * @example
 * ```ts
 * const client = lazyClient(init.client, () => createSsmClient(init));
 * const c = await client(); // created once
 * const sdk = lazyClient(undefined, async () => requireHere("@aws-sdk/client-ssm")); // loaded once
 * ```
 */
export function lazyClient<C>(ready: C | undefined, create: () => Promise<C>): () => Promise<C> {
  if (ready !== undefined) return () => Promise.resolve(ready);
  return loadOnce(create);
}
