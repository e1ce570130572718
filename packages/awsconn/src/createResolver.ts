import { type DiscoverOptions, discoverConfig } from "./discoverConfig.js";
import type { Resolver } from "./Resolver.js";
import { resolverFrom } from "./resolverFrom.js";
import type { ResolverConfig } from "./types.js";
import { TYPED_SOURCES } from "./typedSources.js";

/**
 * Creates a resolver. The configuration is the argument (an object, or a YAML/JSON file path),
 * else discovered: `AWSCONN_CONFIG`, `./awsconn.config.{yaml,yml,json}`, Airflow's
 * `AIRFLOW__SECRETS__BACKEND` settings, else `[env]` (see `discoverConfig`).
 *
 * Shape: one composer (`runChain`) runs the priority rules on every lookup, for one id or many;
 * each remote source is wrapped in its own cache (`withCache`); env and file are read live.
 * Rules, in order:
 * 1. sources are asked highest priority first; in `first` mode the first hit wins, in `merge`
 *    mode every source is asked and higher ones override fields (and `extra` keys) of lower ones;
 * 2. "not here" passes to the next source;
 * 3. a failing source stops the lookup (fail closed) unless it has `onError: "skip"`, or its
 *    cache holds a value younger than `cache.maxStaleSeconds` (served, with a `stale` event);
 * 4. a remote source's answers are cached, parsed, for `cache.ttlSeconds` ("not here" for
 *    `cache.negativeTtlSeconds`), and concurrent lookups of one id share one backend call per
 *    source, whatever mix of `get`, `resolve`, `getMany`, `preload` and `explain` asks;
 * 5. env and file are never cached: an edit is seen by the next lookup (a file is re-read when its
 *    mtime, ctime, size or inode changes, checked with one `stat` per lookup).
 *
 * @example
 * ```ts
 * const resolver = createResolver({ sources: [{ type: "env" }, { type: "secretsmanager", region: "eu-west-1" }] });
 * const conn = await resolver.get("aws_default");
 * const s3 = new S3Client(await resolver.getAwsClientConfig("aws_default", "s3"));
 * ```
 */
export function createResolver(config?: string | ResolverConfig, options?: DiscoverOptions): Resolver {
  return resolverFrom(discoverConfig(config, options), TYPED_SOURCES);
}
