import {
  type Connection,
  ConnectionNotFoundError,
  type SourceCallOptions,
  resolveTeam,
  validateConnId,
} from "@awsconn/core";
import { awsConfigMemo } from "./awsConfigMemo.js";
import { buildLayers } from "./buildLayers.js";
import { hitOf, settledConnection, staleBecauseOf } from "./CachedValue.js";
import { currentConnection } from "./currentConnection.js";
import { type DiscoverOptions, discoverConfig } from "./discoverConfig.js";
import { makeEmit } from "./emitEvent.js";
import type { Explanation } from "./Explanation.js";
import type { Layer } from "./Layer.js";
import { preloadWaiting } from "./preloadWaiting.js";
import type { Resolution } from "./Resolution.js";
import type { ResolveResult } from "./ResolveResult.js";
import type { Resolver } from "./Resolver.js";
import { runChain, runChainOne } from "./runChain.js";
import type { ResolverConfig } from "./types.js";
import { variableChain } from "./variableChain.js";

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
  const { config: cfg, origin, baseDir, reason, warnings } = discoverConfig(config, options);
  const clock = cfg.clock ?? performance;
  const emit = makeEmit(cfg.logger);
  const parser = cfg.connectionParser;
  // Checked once here (a bad team is a ConfigError naming `team`), then handed to every source.
  const scope = resolveTeam(cfg);
  const team = { ...(scope.team ? { team: scope.team } : {}), multiTeam: scope.multiTeam };
  const layers = buildLayers(cfg.sources, baseDir, { cache: cfg.cache, clock, emit, parser, team });
  const cachedOnly = cfg.mode === "first" && layers.every((l) => l.cached);
  const variables = variableChain(cfg.sources, baseDir, { cache: cfg.cache, clock, emit, team });
  const awsConfigs = awsConfigMemo({
    max: cfg.cache.maxEntries,
    current: async (connId) => currentConnection(connId, await resolve(connId), layers),
    forgetSources: (connId) => {
      for (const layer of layers) layer.cached?.invalidate(connId);
    },
    clock,
    liveLeaseMs: cfg.cache.ttlSeconds * 1000,
  });

  function lookup(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Resolution>> {
    signal?.throwIfAborted();
    for (const id of ids) validateConnId(id);
    return runChain([...new Set(ids)], { layers, mode: cfg.mode, clock, emit, signal });
  }

  function lookupOne(connId: string, signal?: AbortSignal): Promise<Resolution> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    try {
      validateConnId(connId);
    } catch (error) {
      return Promise.reject(error);
    }
    return runChainOne(connId, { layers, mode: cfg.mode, clock, emit, signal });
  }

  async function resolve(connId: string, options?: SourceCallOptions): Promise<ResolveResult> {
    return resultOf(await lookupOne(connId, options?.signal), layers);
  }

  async function many(connIds: readonly string[], options?: SourceCallOptions) {
    const resolutions = await lookup(connIds, options?.signal);
    for (const r of resolutions.values()) if (r.error) throw r.error;
    return resolutions;
  }

  const resolver: Resolver = {
    sources: layers.map((l) => l.source),
    configOrigin: origin,
    config: { origin, reason, warnings, connectionParser: parser, ...team },
    resolve,
    get(connId, options) {
      // a map read when every source is cached and the first one that knows the id is fresh
      if (cachedOnly && !options?.signal) {
        for (const layer of layers) {
          const value = layer.cached?.peekFresh(connId);
          if (!value || staleBecauseOf(value) !== undefined) break;
          const hit = hitOf(value);
          if (hit) return settledConnection(hit);
        }
      }
      return resolve(connId, options).then((r) => r.connection);
    },
    async getMany(connIds, options) {
      const out = new Map<string, Connection>();
      for (const [id, r] of await many(connIds, options)) if (r.connection) out.set(id, r.connection);
      return out;
    },
    preload: (connIds, options) => preloadWaiting(connIds, options, { lookup, clock, emit }),
    async explain(connId, options): Promise<Explanation> {
      const r = await lookupOne(connId, options?.signal);
      const winner = r.winner ? { source: r.winner.source, origin: r.winner.origin } : null;
      return {
        connId,
        winner,
        steps: r.steps,
        ...(r.fields ? { fields: r.fields } : {}),
        ...(r.merged ? { merged: r.merged } : {}),
      };
    },
    getVariable: (key, options) => variables.get(key, options),
    getVariables: (keys, options) => variables.getMany(keys, options),
    preloadVariables: (keys, options) => variables.preload(keys, options),
    explainVariable: (key, options) => variables.explain(key, options),
    listVariables: (options) => variables.list(options),
    async getAwsClientConfig(connId, service) {
      return awsConfigs.get(connId, service, await resolver.get(connId));
    },
    invalidate(connId) {
      for (const layer of layers) layer.cached?.invalidate(connId);
      awsConfigs.forget(connId);
    },
    invalidateVariable: (key) => variables.forget(key),
    clear() {
      for (const layer of layers) layer.cached?.clear();
      variables.clear();
      awsConfigs.clear();
    },
  };
  return resolver;
}

function resultOf(r: Resolution, layers: readonly Layer[]): ResolveResult {
  if (r.error) throw r.error;
  if (!r.connection || !r.winner) {
    throw new ConnectionNotFoundError(
      r.connId,
      layers.map((l) => l.label),
    );
  }
  const { source, origin, version } = r.winner;
  return {
    connection: r.connection,
    source,
    origin,
    ...(version !== undefined ? { version } : {}),
    ...(r.fields ? { fields: r.fields } : {}),
    ...(r.merged ? { merged: r.merged } : {}),
  };
}
