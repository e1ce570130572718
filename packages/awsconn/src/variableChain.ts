import type { TeamInit } from "@awsconn/core";
import {
  ConfigError,
  type SourceCallOptions,
  type VariableHit,
  type VariableSource,
  VariableNotFoundError,
} from "@awsconn/core";
import { isConnectionSource, isSourceWithOptions, isVariableSource } from "./sourceEntryKinds.js";
import { type CachedVariableSource, cachedVariables } from "./cachedVariables.js";
import { isCannotList } from "./cannotList.js";
import type { Clock } from "./Clock.js";
import type { Emit } from "./emitEvent.js";
import { isLiveSource, layerLabels } from "./layerNaming.js";
import type { ExplainStep } from "./Explanation.js";
import type { PreloadOptions } from "./PreloadOptions.js";
import { preloadWaiting } from "./preloadWaiting.js";
import type { PreloadResult } from "./Resolver.js";
import { errorSummary, toSourceError } from "./toSourceError.js";
import type { CacheConfig, OnError, SourceEntry } from "./types.js";
import type { VariableEntry } from "./VariableEntry.js";
import type { VariableExplanation, VariableListing } from "./VariableExplanation.js";
import type { SourceFactories } from "./SourceFactories.js";
import type { VariableResult } from "./VariableResult.js";

/** One source of Variables in priority order; `cached` for a remote source (the same object as `source`). */
interface VariableLayer {
  label: string;
  source: VariableSource;
  cached?: CachedVariableSource;
  /** The source itself (its `listVariables`, which the cache does not wrap). */
  inner: VariableSource;
  onError: OnError;
}

/** One key's lookup through the chain: the steps, and the result or the error that stopped it. */
interface VariableRun {
  steps: ExplainStep[];
  result?: VariableResult;
  error?: Error;
}

/** One layer's answer: a hit, "not here" or an error, and for a cached layer where it came from. */
interface Answer {
  hit?: VariableHit | undefined;
  error?: unknown;
  cache?: ExplainStep["cache"];
  ageSeconds?: number;
  staleBecause?: string;
}

/**
 * Options of {@link variableChain}.
 *
 * @example
 * ```ts
 * { cache: CACHE_DEFAULTS, clock: performance, emit, factories: TYPED_SOURCES }
 * ```
 */
export interface VariableChainOptions {
  cache: CacheConfig;
  clock: Clock;
  emit: Emit;
  /** The team options of the Variable sources built from config entries (`team`, `multiTeam`). */
  team?: TeamInit;
  /** Builds the Variables sources of `{ type }` entries. */
  factories: SourceFactories;
}

/**
 * The Variables side of a resolver, built from the same `sources` entries as its connections (on
 * the first lookup, so a resolver that reads no Variables creates nothing). Rules, in order, the
 * connections' rules:
 * 1. the entries that serve Variables (see `variableSourceFor`; a code-given source serves them
 *    when it also has `getVariable`) are asked highest priority first; the first hit wins: with the
 *    order discovered from Airflow's settings (backend, then env) this is `Variable.get`'s order;
 * 2. "not here" passes to the next source;
 * 3. a failing source stops the lookup (fail closed) unless it has `onError: "skip"` (a
 *    `variable-error` event, `skipped: true`), or its cache holds a value younger than
 *    `cache.maxStaleSeconds` (served, with a `variable-stale` event); a `ConfigError` (a bad
 *    `variablesLookupPattern`, met on the first lookup) always stops it;
 * 4. remote sources are cached by the connections' cache rules (`cachedVariables`: `ttlSeconds`,
 *    `negativeTtlSeconds`, `staleWhileRevalidate`, `maxStaleSeconds`, `maxEntries`, one shared
 *    call per key): Secrets Manager, SSM, and a code-given source unless it is given with
 *    `live: true`, says `remote: false`, or is named `env` or `file` (as for connections); env and
 *    file entries are read live.
 * Nothing found: `VariableNotFoundError` listing the sources asked (and a `variable-miss` event).
 *
 * @example
 * ```ts
 * const variables = variableChain(config.sources, baseDir, { cache: config.cache, clock, emit });
 * const { value, origin } = await variables.get("region");
 * ```
 */
export function variableChain(
  entries: readonly (SourceEntry | VariableEntry)[],
  baseDir: string,
  options: VariableChainOptions,
) {
  const { clock, emit } = options;
  let built: VariableLayer[] | undefined;

  function build(): VariableLayer[] {
    const found: { source: VariableSource; onError: OnError; live: boolean }[] = [];
    for (const entry of entries) {
      if (isConnectionSource(entry) || isVariableSource(entry) || isReadyEntry(entry)) {
        const withOptions = isReadyEntry(entry) ? entry : undefined;
        const source = withOptions ? withOptions.source : entry;
        if (!isVariableSource(source)) continue;
        const onError = withOptions?.onError ?? "fail";
        const live = withOptions?.live ?? isLiveSource(source);
        found.push({ source, onError, live });
        continue;
      }
      const source = options.factories.variables(entry, baseDir, options.team, (w) =>
        emit({ type: "warning", source: entry.type, code: w.code, message: w.message }),
      );
      if (!source) continue;
      found.push({
        source,
        onError: entry.onError ?? "fail",
        live: entry.type === "env" || entry.type === "file",
      });
    }
    const labels = layerLabels(found.map((f) => f.source.name));
    return found.map((f, i) => {
      const label = labels[i] as string;
      if (f.live) return { label, source: f.source, inner: f.source, onError: f.onError };
      const cached = cachedVariables(f.source, options.cache, clock, { label, onEvent: emit });
      return { label, source: cached, cached, inner: f.source, onError: f.onError };
    });
  }

  const layers = (): VariableLayer[] => {
    built ??= build();
    return built;
  };

  async function ask(layer: VariableLayer, key: string, signal?: AbortSignal): Promise<Answer> {
    const call = signal ? { signal } : undefined;
    try {
      if (layer.cached) return layer.cached.peekLookup(key) ?? (await layer.cached.lookup(key, call));
      return { hit: await layer.source.getVariable(key, call) };
    } catch (error) {
      return { error: error ?? new Error("the source rejected without a reason") };
    }
  }

  /** Looks one key up through every layer by the rules above; throws only for a bad key or an abort. */
  async function run(key: string, signal?: AbortSignal): Promise<VariableRun> {
    signal?.throwIfAborted();
    if (typeof key !== "string" || key === "")
      throw new TypeError("a Variable key must be a non-empty string");
    const all = layers();
    const steps: ExplainStep[] = [];
    const start = clock.now();
    let t0 = start;
    for (const layer of all) {
      const answer = await ask(layer, key, signal);
      signal?.throwIfAborted();
      const t1 = clock.now();
      const ms = t1 - t0;
      t0 = t1;
      const source = layer.label;
      const cacheInfo = answer.cache ? { cache: answer.cache, ageSeconds: answer.ageSeconds ?? 0 } : {};
      if (answer.error !== undefined) {
        const error = toSourceError(answer.error, source);
        // A bad configuration (a variablesLookupPattern Python cannot compile, found on the first
        // lookup because Variable sources are built then) is never skipped.
        const skipped = layer.onError === "skip" && !(error instanceof ConfigError);
        const summary = errorSummary(error);
        steps.push({ source, outcome: skipped ? "skipped" : "error", ms, error: summary });
        const code = summary.code ?? summary.name;
        emit({
          type: "variable-error",
          kind: "variable",
          key,
          source,
          code,
          error: summary.message,
          skipped,
        });
        if (skipped) continue;
        return { steps, error };
      }
      const { hit } = answer;
      if (!hit) {
        steps.push({ source, outcome: "miss", ms, ...cacheInfo });
        continue;
      }
      const { value, origin, version } = hit;
      const versioned = version === undefined ? {} : { version };
      if (answer.staleBecause !== undefined) {
        const error = { name: "SourceError", code: "SOURCE_FAILED", message: answer.staleBecause };
        steps.push({ source, outcome: "stale", ms, origin, ...versioned, ...cacheInfo, error });
      } else steps.push({ source, outcome: "hit", ms, origin, ...versioned, ...cacheInfo });
      if (answer.cache !== "fresh") emit({ type: "variable-hit", kind: "variable", key, source, origin, ms });
      return { steps, result: { value, source, origin, ...versioned } };
    }
    const sources = all.map((l) => l.label);
    emit({ type: "variable-miss", kind: "variable", key, sources, ms: t0 - start });
    return { steps };
  }

  /** The runs of many keys (each once), in parallel, in key order; a failed run holds its error. */
  async function runAll(keys: readonly string[], signal?: AbortSignal): Promise<Map<string, VariableRun>> {
    signal?.throwIfAborted();
    const unique = [...new Set(keys)];
    const runs = await Promise.all(unique.map((key) => run(key, signal)));
    return new Map(unique.map((key, i) => [key, runs[i] as VariableRun]));
  }

  return {
    /** The Variable `key` from the first source that has it; see {@link variableChain}. */
    async get(key: string, call?: SourceCallOptions): Promise<VariableResult> {
      const r = await run(key, call?.signal);
      if (r.error) throw r.error;
      if (!r.result)
        throw new VariableNotFoundError(
          key,
          layers().map((l) => l.label),
        );
      return r.result;
    },
    /** The Variables found, by key (absent keys left out); a failing source rejects as `get` does. */
    async getMany(keys: readonly string[], call?: SourceCallOptions): Promise<Map<string, VariableResult>> {
      const out = new Map<string, VariableResult>();
      const runs = await runAll(keys, call?.signal);
      // a failing source rejects, with the first failure in key order
      for (const r of runs.values()) if (r.error) throw r.error;
      for (const [key, r] of runs) if (r.result) out.set(key, r.result);
      return out;
    },
    /**
     * Looks keys up, filling the remote sources' caches: which were found. Throttled keys are asked
     * again as `preload` asks ids again (`preloadWaiting`: full-jitter waits up to `waitSeconds`).
     */
    preload(keys: readonly string[], call?: PreloadOptions): Promise<PreloadResult> {
      return preloadWaiting(keys, call, {
        lookup: runAll,
        found: (r) => r.result !== undefined,
        clock,
        emit,
        noun: "Variable keys",
      });
    },
    /** Every source consulted for `key`; never throws for a failed lookup (a bad key or an abort still throw). */
    async explain(key: string, call?: SourceCallOptions): Promise<VariableExplanation> {
      const r = await run(key, call?.signal);
      const winner = r.result ? { source: r.result.source, origin: r.result.origin } : null;
      return { key, winner, steps: r.steps };
    },
    /**
     * What each Variable source can list, in priority order: its keys (sorted, each once), or why
     * not (a source without `listVariables`, or an `isCannotList` refusal). Any other failure
     * (AccessDenied on `ListSecrets`...) rejects with the source's `SourceError`, as `awsconn list`
     * fails for connections.
     */
    async list(call?: SourceCallOptions): Promise<VariableListing[]> {
      const out: VariableListing[] = [];
      for (const layer of layers()) {
        const { inner } = layer;
        const reason = `${layer.label}: cannot list Variables (the source has no listVariables())`;
        if (!inner.listVariables) {
          out.push({ source: layer.label, keys: null, reason });
          continue;
        }
        const keys: string[] = [];
        try {
          for await (const key of inner.listVariables(call)) keys.push(key);
        } catch (error) {
          if (!isCannotList(error)) throw toSourceError(error, layer.label);
          out.push({ source: layer.label, keys: null, reason: (error as Error).message });
          continue;
        }
        out.push({ source: layer.label, keys: [...new Set(keys)].sort() });
      }
      return out;
    },
    /** Forgets one cached Variable in every remote source's cache (a lookup in flight still completes). */
    forget(key: string): void {
      for (const layer of built ?? []) layer.cached?.forget(key);
    },
    /** Forgets every cached Variable. */
    clear(): void {
      for (const layer of built ?? []) layer.cached?.clear();
    },
  };
}

/** `{ source, onError?, live? }` around a connection source or a Variables source. */
function isReadyEntry(value: unknown): value is { source: object; onError?: OnError; live?: boolean } {
  return isSourceWithOptions(value) || isVariableSource((value as { source?: unknown } | null)?.source);
}
