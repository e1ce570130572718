import type { ConnectionSource } from "@awsconn/core";
import { createSource } from "./createSource.js";
import { isCachedSource } from "./CachedSource.js";
import type { Clock } from "./Clock.js";
import type { Emit } from "./emitEvent.js";
import type { Layer } from "./Layer.js";
import type { CacheConfig, SourceEntry, SourceWithOptions } from "./types.js";
import { withCache } from "./withCache.js";

/** True when the value implements {@link ConnectionSource} (a `name` and a `get` function). */
export function isConnectionSource(value: unknown): value is ConnectionSource {
  const v = value as { name?: unknown; get?: unknown } | null;
  return typeof v === "object" && v !== null && typeof v.name === "string" && typeof v.get === "function";
}

/** True for `{ source: ConnectionSource, onError?, live? }`. */
export function isSourceWithOptions(value: unknown): value is SourceWithOptions {
  return (
    typeof value === "object" && value !== null && isConnectionSource((value as { source?: unknown }).source)
  );
}

/**
 * How {@link buildLayers} wraps remote sources.
 *
 * @example
 * ```ts
 * { cache: CACHE_DEFAULTS, clock: performance, emit }
 * ```
 */
export interface LayerOptions {
  cache: CacheConfig;
  clock: Clock;
  emit: Emit;
}

/**
 * Turns validated `sources` entries into the priority chain. AWS sources are created lazily.
 * `env` and `file` sources are live (read on every lookup); every other source is remote and
 * wrapped in its own cache ({@link withCache}) unless `live: true` is given (or it is already a
 * cached source).
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
  const built = entries.map((entry) => {
    if (isConnectionSource(entry)) {
      return { source: entry, live: entry.name === "env" || entry.name === "file", onError: "fail" as const };
    }
    if (isSourceWithOptions(entry)) {
      const live = entry.live ?? (entry.source.name === "env" || entry.source.name === "file");
      return { source: entry.source, live, onError: entry.onError ?? "fail" };
    }
    const live = entry.type === "env" || entry.type === "file";
    return { source: createSource(entry, { baseDir }), live, onError: entry.onError ?? "fail" };
  });
  const counts = new Map<string, number>();
  for (const b of built) counts.set(b.source.name, (counts.get(b.source.name) ?? 0) + 1);
  return built.map((b, i): Layer => {
    const label = (counts.get(b.source.name) ?? 0) > 1 ? `${b.source.name}#${i + 1}` : b.source.name;
    if (b.live) return { label, source: b.source, onError: b.onError };
    const cached = isCachedSource(b.source)
      ? b.source
      : withCache(b.source, { ...options.cache, clock: options.clock, label, onEvent: options.emit });
    return { label, source: cached, cached, onError: b.onError };
  });
}
