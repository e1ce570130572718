import type { Connection, ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import type { CachedSource, CacheLookup } from "./CachedSource.js";
import type { Layer } from "./Layer.js";
import { protectHit } from "./protectHit.js";
import type { OnError } from "./types.js";

/**
 * What {@link deferredLayer} needs.
 *
 * @example
 * ```ts
 * { label: "vault", source: plugin, onError: "fail", isRemote: async () => (await plugin.loaded()).remote !== false, cache: (s) => withCache(s, options) }
 * ```
 */
export interface DeferredLayerInit {
  readonly label: string;
  /** The source as loaded lazily (its first call loads the real one). */
  readonly source: ConnectionSource;
  readonly onError: OnError;
  /** Loads the source if needed and says whether it is remote (then cached). */
  isRemote(): Promise<boolean>;
  /** Wraps the source in its cache. */
  cache(source: ConnectionSource): CachedSource;
}

/**
 * A layer whose caching is decided when its source is first used, for a plugin whose `remote`
 * flag is only known once it is loaded: the first call loads the source and asks `isRemote()`;
 * from then on the layer is a cached layer (remote) or a live one. Until then the layer's
 * `cached` is a stand-in that decides on its first lookup and answers as the decided layer would
 * (through the cache, with its cache state; or live, without one), so even the first lookup of a
 * remote plugin is shared by concurrent callers and shows `cache: "call"` in `explain`.
 *
 * @example
 * ```ts
 * const layer = deferredLayer({ label, source: plugin, onError: "fail", isRemote, cache: (s) => withCache(s, options) });
 * layer.cached; // a stand-in until the plugin is loaded, then its cache (remote) or undefined (live)
 * ```
 */
export function deferredLayer(init: DeferredLayerInit): Layer {
  let decided: { source: ConnectionSource; cached?: CachedSource } | undefined;
  let deciding: Promise<ConnectionSource> | undefined;
  const decide = (): Promise<ConnectionSource> => {
    if (decided) return Promise.resolve(decided.source);
    deciding ??= init.isRemote().then(
      (remote) => {
        if (!decided) {
          const cached = remote ? init.cache(init.source) : undefined;
          decided = cached ? { source: cached, cached } : { source: init.source };
        }
        return decided.source;
      },
      (error: unknown) => {
        deciding = undefined;
        throw error;
      },
    );
    return deciding;
  };
  const undecided: ConnectionSource = {
    name: init.source.name,
    async get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined> {
      options?.signal?.throwIfAborted();
      return (await decide()).get(connId, options);
    },
    async getMany(connIds: readonly string[], options?: SourceCallOptions): Promise<Map<string, SourceHit>> {
      options?.signal?.throwIfAborted();
      return (await decide()).getMany!(connIds, options);
    },
    async *list(options?: SourceCallOptions): AsyncIterable<string> {
      options?.signal?.throwIfAborted();
      yield* (await decide()).list!(options);
    },
    async put(connection: Connection, options?: SourceCallOptions): Promise<void> {
      options?.signal?.throwIfAborted();
      return (await decide()).put!(connection, options);
    },
  };
  // Answers of a live layer carry no cache state (the chain then shows none).
  const live = (hit: SourceHit | undefined) => ({ hit: protectHit(hit) }) as CacheLookup;
  const pending: CachedSource = {
    ...undecided,
    inner: init.source,
    async lookup(connId, options) {
      options?.signal?.throwIfAborted();
      await decide();
      if (decided?.cached) return decided.cached.lookup(connId, options);
      return live(await init.source.get(connId, options));
    },
    async lookupMany(connIds, options) {
      options?.signal?.throwIfAborted();
      await decide();
      if (decided?.cached) return decided.cached.lookupMany(connIds, options);
      try {
        const found = await init.source.getMany!(connIds, options);
        return new Map(connIds.map((id) => [id, live(found.get(id))]));
      } catch (error) {
        return new Map(connIds.map((id) => [id, { error }]));
      }
    },
    peekLookup: () => undefined,
    peekFresh: () => undefined,
    freshForMs: () => 0,
    invalidate() {},
    clear() {},
  };
  return {
    label: init.label,
    onError: init.onError,
    get source() {
      return decided?.source ?? undecided;
    },
    get cached() {
      return decided ? decided.cached : pending;
    },
  };
}
