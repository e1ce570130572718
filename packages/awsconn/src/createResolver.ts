import { type Connection, type ConnectionSource, validateConnId } from "@awsconn/core";
import { LRUCache } from "lru-cache";
import { type AwsClientConfig, connectionFingerprint, loadResolveAwsConfig } from "./awsClientConfig.js";
import { buildLayers } from "./buildLayers.js";
import { type DiscoverOptions, discoverConfig } from "./discoverConfig.js";
import { makeEmit } from "./emitEvent.js";
import { explainEntry } from "./explainEntry.js";
import { type Attempt, ResolverCache } from "./ResolverCache.js";
import { runBatch } from "./runBatch.js";
import type { Explanation, ResolverConfig } from "./types.js";

/**
 * What {@link Resolver.preload} found.
 *
 * @example
 * ```ts
 * await resolver.preload(["aws_default", "gone"]); // { found: ["aws_default"], notFound: ["gone"] }
 * ```
 */
export interface PreloadResult {
  found: string[];
  notFound: string[];
}

/**
 * Resolves connections from the configured sources; see {@link createResolver}.
 *
 * @example
 * ```ts
 * const resolver: Resolver = createResolver();
 * const conn = await resolver.get("aws_default");
 * ```
 */
export interface Resolver {
  /** The connection, or throws `ConnectionNotFoundError`, `SourceError`, `ConnectionFormatError`, `InvalidConnIdError`. */
  get(connId: string): Promise<Connection>;
  /** The connections found (absent ids are left out); a failing source rejects as in `get`. */
  getMany(connIds: readonly string[]): Promise<Map<string, Connection>>;
  /** Fetches ids in batches into the cache; a failing source rejects as in `get`. */
  preload(connIds: readonly string[]): Promise<PreloadResult>;
  /** Every source consulted, its outcome, time and origin, or the cache state; never throws for a failed lookup. */
  explain(connId: string): Promise<Explanation>;
  /** AWS SDK v3 client configuration for an `aws` connection. */
  getAwsClientConfig(connId: string, service?: string): Promise<AwsClientConfig>;
  /** Forgets one cached id. */
  invalidate(connId: string): void;
  /** Forgets every cached id. */
  clear(): void;
  /** The sources, highest priority first. */
  readonly sources: readonly ConnectionSource[];
  /** Where the configuration came from: `code`, a file path, `AIRFLOW__SECRETS__BACKEND` or `default`. */
  readonly configOrigin: string;
}

/**
 * Creates a resolver. The configuration is the argument (an object, or a YAML/JSON file path),
 * else discovered: `AWSCONN_CONFIG`, `./awsconn.config.{yaml,yml,json}`, Airflow's
 * `AIRFLOW__SECRETS__BACKEND` settings, else `[env]` (see `discoverConfig`).
 *
 * Rules, in order:
 * 1. sources are asked highest priority first; in `first` mode the first hit wins, in `merge`
 *    mode every source is asked and higher ones override fields (and `extra` keys) of lower ones;
 * 2. "not here" passes to the next source;
 * 3. a failing source stops the lookup (fail closed) unless it has `onError: "skip"`, or the
 *    cache holds a value younger than `cache.maxStaleSeconds` (served, with a `stale` event);
 * 4. concurrent lookups of one id share one flight; remote results are cached, parsed, for
 *    `cache.ttlSeconds` ("found nowhere" for `cache.negativeTtlSeconds`); env and file hits are
 *    never cached.
 *
 * @example
 * ```ts
 * const resolver = createResolver({ sources: [{ type: "env" }, { type: "secretsmanager", region: "eu-west-1" }] });
 * const conn = await resolver.get("aws_default");
 * const s3 = new S3Client(await resolver.getAwsClientConfig("aws_default", "s3"));
 * ```
 */
export function createResolver(config?: string | ResolverConfig, options?: DiscoverOptions): Resolver {
  const { config: cfg, origin, baseDir } = discoverConfig(config, options);
  const layers = buildLayers(cfg.sources, baseDir);
  const clock = cfg.clock ?? performance;
  const emit = makeEmit(cfg.logger);
  const cache = new ResolverCache({ layers, mode: cfg.mode, cache: cfg.cache, clock, emit });
  const awsConfigs = new LRUCache<string, { fingerprint: string; promise: Promise<AwsClientConfig> }>({
    max: cfg.cache.maxEntries,
  });

  async function slowGet(connId: string): Promise<Connection> {
    validateConnId(connId);
    return (await cache.fetch(connId)).promise;
  }

  async function batch(connIds: readonly string[]): Promise<Map<string, Attempt>> {
    const out = new Map<string, Attempt>();
    const open: string[] = [];
    for (const id of new Set(connIds)) {
      validateConnId(id);
      const fresh = cache.peekFresh(id);
      if (fresh) out.set(id, { entry: fresh });
      else open.push(id);
    }
    if (open.length === 0) return out;
    const t0 = clock.now();
    const results = await runBatch(open, layers, cfg.mode, clock, emit);
    for (const [id, resolution] of results) {
      const previous = cache.peekAny(id);
      const attempt = cache.settle(resolution, previous, t0);
      if (attempt.entry) cache.store(id, attempt.entry, previous);
      out.set(id, attempt);
    }
    return out;
  }

  function firstError(attempts: Map<string, Attempt>): Error | undefined {
    for (const a of attempts.values()) if (a.error) return a.error;
    return undefined;
  }

  return {
    sources: layers.map((l) => l.source),
    configOrigin: origin,
    get(connId: string): Promise<Connection> {
      const entry = cache.peekFresh(connId);
      return entry !== undefined ? entry.promise : slowGet(connId);
    },
    async getMany(connIds) {
      const attempts = await batch(connIds);
      const error = firstError(attempts);
      if (error) throw error;
      const out = new Map<string, Connection>();
      for (const [id, a] of attempts)
        if (a.entry?.resolution.connection) out.set(id, a.entry.resolution.connection);
      return out;
    },
    async preload(connIds) {
      const attempts = await batch(connIds);
      const error = firstError(attempts);
      if (error) throw error;
      const result: PreloadResult = { found: [], notFound: [] };
      for (const [id, a] of attempts) (a.entry?.negative ? result.notFound : result.found).push(id);
      return result;
    },
    async explain(connId) {
      validateConnId(connId);
      const fresh = cache.peekFresh(connId);
      if (fresh) return explainEntry(fresh, true);
      const previous = cache.peekAny(connId);
      const attempt = await cache.resolve(connId, previous);
      if (attempt.error) return { connId, winner: null, steps: attempt.resolution.steps };
      cache.store(connId, attempt.entry, previous);
      return explainEntry(attempt.entry, false);
    },
    async getAwsClientConfig(connId, service) {
      const connection = await this.get(connId);
      const key = `${service ?? ""}\u0000${connId}`;
      const fingerprint = connectionFingerprint(connection);
      const known = awsConfigs.get(key);
      if (known && known.fingerprint === fingerprint) return known.promise;
      const promise = loadResolveAwsConfig().then((resolve) =>
        resolve(connection, service ? { service } : {}),
      );
      awsConfigs.set(key, { fingerprint, promise });
      promise.catch(() => {
        if (awsConfigs.get(key)?.promise === promise) awsConfigs.delete(key);
      });
      return promise;
    },
    invalidate(connId) {
      cache.delete(connId);
      for (const key of awsConfigs.keys()) if (key.endsWith(`\u0000${connId}`)) awsConfigs.delete(key);
    },
    clear() {
      cache.clear();
      awsConfigs.clear();
    },
  };
}
