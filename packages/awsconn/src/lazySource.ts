import { cannotListError } from "./cannotList.js";
import {
  type Connection,
  type ConnectionSource,
  type SourceCallOptions,
  type SourceHit,
  SourceError,
  loadOnce,
} from "@awsconn/core";

/**
 * A {@link ConnectionSource} whose real implementation is loaded on first use, so a resolver
 * configured with an AWS source loads no `@aws-sdk/*` module until that source is asked.
 * A failed load is retried on the next call. `list` and `put` exist before the real source is
 * known; when it turns out to lack one, calling it is a `SourceError` saying so.
 *
 * @example
 * ```ts
 * const sm = lazySource("secretsmanager", async () => (await import("@awsconn/source-secrets-manager")).fromSecretsManager({}));
 * ```
 */
export function lazySource(name: string, load: () => Promise<ConnectionSource>): ConnectionSource {
  const source = loadOnce(load);
  return {
    name,
    async get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined> {
      return (await source()).get(connId, options);
    },
    async getMany(connIds: readonly string[], options?: SourceCallOptions): Promise<Map<string, SourceHit>> {
      const real = await source();
      if (real.getMany) return real.getMany(connIds, options);
      const out = new Map<string, SourceHit>();
      const hits = await Promise.all(connIds.map((id) => real.get(id, options)));
      hits.forEach((hit, i) => {
        if (hit) out.set(connIds[i] as string, hit);
      });
      return out;
    },
    async *list(options?: SourceCallOptions): AsyncIterable<string> {
      const real = await source();
      if (!real.list) throw cannotListError(name);
      yield* real.list(options);
    },
    async put(connection: Connection, options?: SourceCallOptions): Promise<void> {
      const real = await source();
      if (!real.put)
        throw new SourceError("cannot store connections (the source has no put())", { source: name });
      return real.put(connection, options);
    },
  };
}
