import type { SourceHit } from "@awsconn/core";
import type { CacheState } from "./Explanation.js";
import type { Layer } from "./Layer.js";
import { protectHit } from "./protectHit.js";

/**
 * One id's answer from one layer: a hit, "not here" (no hit, no error) or an error, and for a
 * cached layer where the answer came from.
 *
 * @example
 * ```ts
 * { hit, cache: "fresh", ageSeconds: 3.2 }
 * ```
 */
export interface LayerAnswer {
  hit?: SourceHit | undefined;
  error?: unknown;
  cache?: CacheState;
  ageSeconds?: number;
  staleBecause?: string;
}

function failed(error: unknown): LayerAnswer {
  return { error: error ?? new Error("the source rejected without a reason") };
}

async function settle(lookup: () => Promise<SourceHit | undefined>): Promise<LayerAnswer> {
  try {
    return { hit: protectHit(await lookup()) };
  } catch (error) {
    return failed(error);
  }
}

/**
 * One id's answer out of a `getMany` map: a source whose ids fail one by one (`BatchHits`) throws
 * that id's own error from `get(id)`, which stays that id's answer alone.
 */
function settleFound(found: Map<string, SourceHit>, id: string): LayerAnswer {
  try {
    return { hit: protectHit(found.get(id)) };
  } catch (error) {
    return failed(error);
  }
}

/**
 * Asks one layer for one id: a cached layer's fresh answer synchronously (a map read), anything
 * else as a promise. Never rejects.
 *
 * @example
 * ```ts
 * const answer = await askLayerOne(layer, "aws_default", undefined);
 * ```
 */
export function askLayerOne(
  layer: Layer,
  id: string,
  signal: AbortSignal | undefined,
): LayerAnswer | Promise<LayerAnswer> {
  const { source, cached } = layer;
  const options = signal ? { signal } : undefined;
  if (!cached) return settle(() => source.get(id, options));
  const fresh = cached.peekLookup(id);
  if (fresh) return fresh;
  return cached.lookup(id, options).then(
    (lookup): LayerAnswer => lookup,
    (error: unknown): LayerAnswer => ({ error }),
  );
}

/**
 * Asks one layer for the open ids in as few calls as it allows: a cached layer through its cache
 * (shared flights; in a `batch` lookup one `getMany` for the ids that need a call), an uncached one
 * through `getMany` when it has it (a failed call applies to every id; an id the answer throws
 * for, as `BatchHits` does, fails alone), else one `get` per id.
 * Never throws; the caller checks its own signal.
 *
 * @example
 * ```ts
 * const answers = await askLayer(layer, ["a", "b"], signal, true); // Map { "a" => { hit }, "b" => {} }
 * ```
 */
export async function askLayer(
  layer: Layer,
  ids: readonly string[],
  signal: AbortSignal | undefined,
  batch: boolean,
): Promise<Map<string, LayerAnswer>> {
  const { source, cached } = layer;
  const options = signal ? { signal } : undefined;
  const only = ids.length === 1 && !batch ? ids[0] : undefined;
  if (only !== undefined) return new Map([[only, await askLayerOne(layer, only, signal)]]);
  if (cached) {
    try {
      return (await cached.lookupMany(ids, options)) as Map<string, LayerAnswer>;
    } catch (error) {
      return new Map(ids.map((id) => [id, { error }]));
    }
  }
  if (ids.length > 1 && source.getMany) {
    const many = source.getMany.bind(source);
    try {
      const found = await many(ids, options);
      return new Map(ids.map((id) => [id, settleFound(found, id)]));
    } catch (error) {
      return new Map(ids.map((id) => [id, { error }]));
    }
  }
  const answers = await Promise.all(ids.map((id) => settle(() => source.get(id, options))));
  return new Map(ids.map((id, i) => [id, answers[i] as LayerAnswer]));
}
