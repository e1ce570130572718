import type { TeamInit } from "@awsconn/core";
import {
  ConfigError,
  type SourceCallOptions,
  type VariableSource,
  VariableNotFoundError,
} from "@awsconn/core";
import { isConnectionSource, isSourceWithOptions } from "./buildLayers.js";
import { cachedVariables } from "./cachedVariables.js";
import type { Clock } from "./Clock.js";
import type { Emit } from "./emitEvent.js";
import { errorSummary, toSourceError } from "./toSourceError.js";
import type { CacheConfig, OnError, SourceEntry } from "./types.js";
import type { VariableResult } from "./VariableResult.js";
import { variableSourceFor } from "./variableSourceFor.js";

/** One source of Variables in priority order. */
interface VariableLayer {
  label: string;
  source: VariableSource & { clear?(): void; forget?(key: string): void };
  onError: OnError;
}

/**
 * Options of {@link variableChain}.
 *
 * @example
 * ```ts
 * { cache: CACHE_DEFAULTS, clock: performance, emit }
 * ```
 */
export interface VariableChainOptions {
  cache: Pick<CacheConfig, "ttlSeconds" | "negativeTtlSeconds" | "maxEntries">;
  clock: Clock;
  emit: Emit;
  /** The team options of the Variable sources built from config entries (`team`, `multiTeam`). */
  team?: TeamInit;
}

/**
 * The Variables side of a resolver, built from the same `sources` entries as its connections (on
 * the first lookup, so a resolver that reads no Variables creates nothing). Rules, in order:
 * 1. the entries that serve Variables (see `variableSourceFor`; a code-given source serves them
 *    when it also has `getVariable`) are asked highest priority first; the first hit wins: with the
 *    order discovered from Airflow's settings (backend, then env) this is `Variable.get`'s order;
 * 2. "not here" passes to the next source;
 * 3. a failing source stops the lookup (fail closed) unless it has `onError: "skip"` (an `error`
 *    event whose `connId` is the key, `skipped: true`); a `ConfigError` (a bad
 *    `variablesLookupPattern`, met on the first lookup) always stops it;
 * 4. remote sources' answers are cached (`cache.ttlSeconds`, "not here" for
 *    `cache.negativeTtlSeconds`) and concurrent lookups of a key share one call; env and file are
 *    read live.
 * Nothing found: `VariableNotFoundError` listing the sources asked.
 *
 * @example
 * ```ts
 * const variables = variableChain(config.sources, baseDir, { cache: config.cache, clock, emit });
 * const { value, origin } = await variables.get("region");
 * ```
 */
export function variableChain(
  entries: readonly SourceEntry[],
  baseDir: string,
  options: VariableChainOptions,
) {
  let layers: VariableLayer[] | undefined;

  function build(): VariableLayer[] {
    const built: { source: VariableSource; onError: OnError; live: boolean }[] = [];
    for (const entry of entries) {
      if (isConnectionSource(entry) || isSourceWithOptions(entry)) {
        const source = isConnectionSource(entry) ? entry : entry.source;
        if (!isVariableSource(source)) continue;
        const onError = isConnectionSource(entry) ? "fail" : (entry.onError ?? "fail");
        built.push({ source, onError, live: true });
        continue;
      }
      const source = variableSourceFor(entry, baseDir, options.team, (w) =>
        options.emit({ type: "warning", source: entry.type, code: w.code, message: w.message }),
      );
      if (!source) continue;
      const live = entry.type === "env" || entry.type === "file";
      built.push({ source, onError: entry.onError ?? "fail", live });
    }
    const counts = new Map<string, number>();
    for (const b of built) counts.set(b.source.name, (counts.get(b.source.name) ?? 0) + 1);
    return built.map((b, i) => ({
      label: (counts.get(b.source.name) ?? 0) > 1 ? `${b.source.name}#${i + 1}` : b.source.name,
      source: b.live ? b.source : cachedVariables(b.source, options.cache, options.clock),
      onError: b.onError,
    }));
  }

  return {
    /** The Variable `key` from the first source that has it; see {@link variableChain}. */
    async get(key: string, call?: SourceCallOptions): Promise<VariableResult> {
      const signal = call?.signal;
      signal?.throwIfAborted();
      if (typeof key !== "string" || key === "")
        throw new TypeError("a Variable key must be a non-empty string");
      layers ??= build();
      for (const layer of layers) {
        let hit: Awaited<ReturnType<VariableSource["getVariable"]>>;
        try {
          hit = await layer.source.getVariable(key, signal ? { signal } : undefined);
        } catch (error) {
          signal?.throwIfAborted();
          const wrapped = toSourceError(error, layer.label);
          // A bad configuration (a variablesLookupPattern Python cannot compile, found on the first
          // lookup because Variable sources are built then) is never skipped.
          const skipped = layer.onError === "skip" && !(wrapped instanceof ConfigError);
          const summary = errorSummary(wrapped);
          options.emit({
            type: "error",
            connId: key,
            source: layer.label,
            code: summary.code ?? summary.name,
            error: summary.message,
            skipped,
          });
          if (skipped) continue;
          throw wrapped;
        }
        if (hit) {
          const { value, origin, version } = hit;
          return { value, source: layer.label, origin, ...(version === undefined ? {} : { version }) };
        }
      }
      throw new VariableNotFoundError(
        key,
        layers.map((l) => l.label),
      );
    },
    /** Forgets every cached Variable. */
    clear(): void {
      for (const layer of layers ?? []) layer.source.clear?.();
    },
  };
}

function isVariableSource(value: unknown): value is VariableSource {
  return typeof (value as { getVariable?: unknown }).getVariable === "function";
}
