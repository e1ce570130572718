import type { ConnectionParser, ConnectionSource, TeamInit } from "@awsconn/core";
import { isCachedSource } from "./CachedSource.js";
import { deferredLayer } from "./deferredLayer.js";
import type { PluginSource } from "./pluginSource.js";
import type { Clock } from "./Clock.js";
import type { Emit } from "./emitEvent.js";
import type { SourceWarning } from "@awsconn/aws-source-common";
import type { Layer } from "./Layer.js";
import { isLiveSource, layerLabels } from "./layerNaming.js";
import { isConnectionSource, isSourceWithOptions } from "./sourceEntryKinds.js";
import type { CacheConfig, OnError, SourceEntry } from "./types.js";
import type { SourceFactories } from "./SourceFactories.js";
import { withCache } from "./withCache.js";

/**
 * How {@link buildLayers} wraps remote sources.
 *
 * @example
 * ```ts
 * { cache: CACHE_DEFAULTS, clock: performance, emit, factories: TYPED_SOURCES }
 * ```
 */
export interface LayerOptions {
  cache: CacheConfig;
  clock: Clock;
  emit: Emit;
  /** The Airflow parser of the env and AWS sources built from config entries (`connectionParser`). */
  parser?: ConnectionParser;
  /** The team options of the sources built from config entries (`team`, `multiTeam`). */
  team?: TeamInit;
  /** Builds the sources of `{ type }` entries. */
  factories: SourceFactories;
}

/**
 * Turns validated `sources` entries into the priority chain. AWS sources and plugins are created
 * lazily. `env` and `file` sources are live (read on every lookup); every other source is remote
 * and wrapped in its own cache ({@link withCache}) unless it is given with `live: true`, says
 * `remote: false` itself, or is already a cached source. A plugin entry's `remote` decides for it;
 * without one, the plugin's own `remote` flag decides once it is loaded ({@link deferredLayer}).
 *
 * @example
 * ```ts
 * const layers = buildLayers([{ type: "env" }, { type: "secretsmanager", region: "eu-west-1" }], process.cwd(), options);
 * ```
 */
export function buildLayers(
  entries: readonly SourceEntry[],
  baseDir: string,
  options: LayerOptions,
): Layer[] {
  const labels: string[] = [];
  const built = entries.map((entry, i): { source: ConnectionSource; live?: boolean; onError: OnError } => {
    if (isConnectionSource(entry)) return { source: entry, live: isLiveSource(entry), onError: "fail" };
    if (isSourceWithOptions(entry)) {
      return {
        source: entry.source,
        live: entry.live ?? isLiveSource(entry.source),
        onError: entry.onError ?? "fail",
      };
    }
    // An AWS source's warnings become `warning` events under the layer's label (known below).
    const onWarning = (w: SourceWarning) =>
      options.emit({ type: "warning", source: labels[i] ?? entry.type, code: w.code, message: w.message });
    const source = options.factories.connections(entry, {
      baseDir,
      path: `sources[${i}]`,
      onWarning,
      clock: options.clock,
      ...(options.parser ? { parser: options.parser } : {}),
      ...(options.team ? { team: options.team } : {}),
    });
    const onError = entry.onError ?? "fail";
    if (entry.type === "plugin")
      return { source, ...(entry.remote === undefined ? {} : { live: !entry.remote }), onError };
    return { source, live: entry.type === "env" || entry.type === "file", onError };
  });
  labels.push(...layerLabels(built.map((b) => b.source.name)));
  return built.map((b, i): Layer => {
    const label = labels[i] as string;
    const cache = (source: ConnectionSource) =>
      withCache(source, { ...options.cache, clock: options.clock, label, onEvent: options.emit });
    if (b.live === undefined) {
      const plugin = b.source as PluginSource;
      const isRemote = async () => (await plugin.loaded()).remote !== false;
      return deferredLayer({ label, source: plugin, onError: b.onError, isRemote, cache });
    }
    if (b.live) return { label, source: b.source, onError: b.onError };
    const cached = isCachedSource(b.source) ? b.source : cache(b.source);
    return { label, source: cached, cached, onError: b.onError };
  });
}
