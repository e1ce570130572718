import type { Connection, ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import { type CacheEngineEvent, type CacheTuning, cacheEngine } from "./cacheEngine.js";
import type { CachedSource } from "./CachedSource.js";
import { freezeHit } from "./CachedValue.js";
import { protectHit } from "./protectHit.js";
import type { ResolverEvent } from "./ResolverEvent.js";

export { DEFAULT_JITTER, RETRY_AFTER_FAILURE_MS } from "./cacheEngine.js";

/**
 * Options of {@link withCache}: the `cache` settings of the resolver plus where events go.
 *
 * @example
 * ```ts
 * { ttlSeconds: 60, negativeTtlSeconds: 5, maxStaleSeconds: 600, label: "secretsmanager", onEvent: console.log }
 * ```
 */
export interface WithCacheOptions extends CacheTuning {
  /** The name used in events. Default: the source's name. */
  label?: string;
  /** Receives `stale` and `refresh` events; never a secret. */
  onEvent?: (event: ResolverEvent) => void;
}

/**
 * Wraps a remote connection source in a cache, by the rules of {@link cacheEngine}, the same rules
 * as a remote Variable source's cache: fresh answers (hit, or "not here" for `negativeTtlSeconds`)
 * are map reads; concurrent lookups of one id share one backend call, whatever mix of `get`,
 * `getMany` and `lookupMany` asks (ids of one `getMany` that need a call go out as one batch);
 * past `ttlSeconds` a hit younger than `maxStaleSeconds` is served while one background call
 * refreshes it (with the other hits due soon); a failed call serves the last good hit younger than
 * `maxStaleSeconds` (a `stale` event); at most `maxEntries` ids are kept. The cached connections
 * are protected (print `***`) and frozen.
 *
 * @example
 * ```ts
 * const sm = withCache(fromSecretsManager({ region: "eu-west-1" }), { ttlSeconds: 60 });
 * const { hit, cache } = await sm.lookup("aws_default"); // cache: "call", then "fresh" for 60 s
 * ```
 */
export function withCache(source: ConnectionSource, options: WithCacheOptions = {}): CachedSource {
  const emit = options.onEvent;
  const engine = cacheEngine<SourceHit>(
    {
      get: (id, o) => source.get(id, o),
      ...(source.getMany ? { getMany: source.getMany.bind(source) } : {}),
    },
    {
      ...options,
      label: options.label ?? source.name,
      keepHit(answer) {
        const hit = protectHit(answer);
        if (hit) freezeHit(hit);
        return hit;
      },
      onEvent: emit && ((event) => emit(connectionEvent(event))),
    },
  );

  const cached: CachedSource = {
    ...engine,
    name: source.name,
    inner: source,
    async get(connId, options) {
      return (await cached.lookup(connId, options)).hit;
    },
    async getMany(connIds, options) {
      const out = new Map<string, SourceHit>();
      for (const [id, r] of await cached.lookupMany(connIds, options)) {
        if ("error" in r) throw r.error;
        if (r.hit) out.set(id, r.hit);
      }
      return out;
    },
  };
  if (source.list)
    cached.list = (options?: SourceCallOptions) => (source.list as NonNullable<typeof source.list>)(options);
  if (source.put) {
    const put = source.put.bind(source);
    cached.put = async (connection: Connection, options?: SourceCallOptions) => {
      await put(connection, options);
      cached.invalidate(connection.connId);
    };
  }
  return cached;
}

/** A cache engine event as the connection event it is (the id is a `connId`). */
function connectionEvent(event: CacheEngineEvent): ResolverEvent {
  const { id, ...rest } = event;
  return { ...rest, connId: id };
}
