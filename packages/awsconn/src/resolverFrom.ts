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
import type { DiscoveredConfig } from "./discoverConfig.js";
import { makeEmit } from "./emitEvent.js";
import type { Explanation } from "./Explanation.js";
import type { Layer } from "./Layer.js";
import { preloadWaiting } from "./preloadWaiting.js";
import type { Resolution } from "./Resolution.js";
import type { ResolveResult } from "./ResolveResult.js";
import type { Resolver } from "./Resolver.js";
import { runChain, runChainOne } from "./runChain.js";
import type { SourceFactories } from "./SourceFactories.js";
import type { SourceEntry } from "./types.js";
import type { VariableEntry } from "./VariableEntry.js";
import { variableChain } from "./variableChain.js";

/**
 * The resolver of a configuration already discovered and validated: the composer (`runChain`) over
 * the layers `buildLayers` makes of its sources, each remote one in its own cache, and the
 * Variables chain beside it (over `variableEntries`, by default the same `sources`). `factories`
 * builds the sources of `{ type }` entries. What
 * `createResolver` and `composeResolver` both return; the rules are on `createResolver`.
 *
 * @example
 * ```ts
 * const resolver = resolverFrom(discoverConfig({ sources: [{ type: "env" }] }), TYPED_SOURCES);
 * ```
 */
export function resolverFrom(
  discovered: DiscoveredConfig,
  factories: SourceFactories,
  variableEntries: readonly (SourceEntry | VariableEntry)[] = discovered.config.sources,
): Resolver {
  const { config: cfg, origin, baseDir, reason, warnings } = discovered;
  const clock = cfg.clock ?? performance;
  const emit = makeEmit(cfg.logger);
  const parser = cfg.connectionParser;
  // Checked once here (a bad team is a ConfigError naming `team`), then handed to every source.
  const scope = resolveTeam(cfg);
  const team = { ...(scope.team ? { team: scope.team } : {}), multiTeam: scope.multiTeam };
  const layers = buildLayers(cfg.sources, baseDir, {
    cache: cfg.cache,
    clock,
    emit,
    parser,
    team,
    factories,
  });
  const cachedOnly = cfg.mode === "first" && layers.every((l) => l.cached);
  const variables = variableChain(variableEntries, baseDir, {
    cache: cfg.cache,
    clock,
    emit,
    team,
    factories,
  });
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
    preload: (connIds, options) =>
      preloadWaiting(connIds, options, { lookup, found: (r) => r.connection !== undefined, clock, emit }),
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
