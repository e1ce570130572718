import type { SourceHit } from "@awsconn/core";
import { askLayer, askLayerOne, type LayerAnswer } from "./askLayer.js";
import type { Clock } from "./Clock.js";
import type { Emit } from "./emitEvent.js";
import type { ExplainStep } from "./Explanation.js";
import type { Layer } from "./Layer.js";
import { mergeHits } from "./mergeHits.js";
import type { Resolution } from "./Resolution.js";
import { errorSummary, toSourceError } from "./toSourceError.js";
import type { ResolveMode } from "./types.js";

/**
 * What {@link runChain} needs besides the ids.
 *
 * @example
 * ```ts
 * { layers, mode: "first", clock: performance, emit: () => {}, signal }
 * ```
 */
export interface ChainContext {
  readonly layers: readonly Layer[];
  readonly mode: ResolveMode;
  readonly clock: Clock;
  readonly emit: Emit;
  readonly signal?: AbortSignal | undefined;
}

interface Progress {
  steps: ExplainStep[];
  hits: { label: string; hit: SourceHit }[];
  error?: Error;
}

/**
 * The composer: the one place the priority rules live, for one id or many (`get` is a batch of one).
 * Each layer is asked once for every id still open, highest priority first, then per id:
 * 1. a hit wins (`first` mode) or is collected (`merge` mode: every layer is asked; higher layers
 *    override fields, `extra` merges deeply);
 * 2. "not here" passes the id to the next layer;
 * 3. a failure stops the id's lookup (fail closed) unless the layer has `onError: "skip"`; a cached
 *    layer that served its last good value instead (stale on error) counts as a hit;
 * 4. an aborted `signal` rejects the whole call with the signal's reason.
 * Otherwise never throws: the error that stopped an id is in its resolution.
 *
 * @example
 * ```ts
 * const results = await runChain(["aws_default"], { layers, mode: "first", clock: performance, emit });
 * results.get("aws_default")?.connection;
 * ```
 */
export async function runChain(ids: readonly string[], ctx: ChainContext): Promise<Map<string, Resolution>> {
  const only = ids.length === 1 ? ids[0] : undefined;
  if (only !== undefined) return new Map([[only, await runChainOne(only, ctx)]]);
  const { layers, mode, clock, emit, signal } = ctx;
  const progress = new Map<string, Progress>(ids.map((id) => [id, { steps: [], hits: [] }]));
  let open = [...progress.keys()];
  const start = clock.now();
  for (const layer of layers) {
    if (open.length === 0) break;
    const t0 = clock.now();
    const answers = await askLayer(layer, open, signal, ids.length > 1);
    signal?.throwIfAborted();
    const ms = clock.now() - t0;
    const next: string[] = [];
    for (const id of open) {
      const p = progress.get(id) as Progress;
      const answer = answers.get(id) ?? {};
      if (record(id, layer, answer, ms, p, emit) && (mode === "merge" || p.hits.length === 0)) next.push(id);
    }
    open = next;
  }
  const out = new Map<string, Resolution>();
  for (const [connId, p] of progress) out.set(connId, finish(connId, p, ctx, clock.now() - start));
  return out;
}

/**
 * {@link runChain} for one id (the form `get`, `resolve` and `explain` use): the same rules, one
 * layer after the other, without the batch bookkeeping; a cached layer's fresh answer is read
 * synchronously.
 *
 * @example
 * ```ts
 * const resolution = await runChainOne("aws_default", { layers, mode: "first", clock: performance, emit });
 * ```
 */
export async function runChainOne(id: string, ctx: ChainContext): Promise<Resolution> {
  const { layers, mode, clock, emit, signal } = ctx;
  const p: Progress = { steps: [], hits: [] };
  const start = clock.now();
  let t0 = start;
  for (const layer of layers) {
    let answer = askLayerOne(layer, id, signal);
    if (answer instanceof Promise) answer = await answer;
    signal?.throwIfAborted();
    const t1 = clock.now();
    const goOn = record(id, layer, answer, t1 - t0, p, emit);
    t0 = t1;
    if (!goOn || (mode === "first" && p.hits.length > 0)) break;
  }
  return finish(id, p, ctx, t0 - start);
}

/** Records one layer's answer for one id; returns whether the id goes on to the next layer. */
function record(id: string, layer: Layer, answer: LayerAnswer, ms: number, p: Progress, emit: Emit): boolean {
  const source = layer.label;
  const cacheInfo: Partial<ExplainStep> = answer.cache
    ? { cache: answer.cache, ageSeconds: answer.ageSeconds ?? 0 }
    : {};
  if (answer.error !== undefined) {
    const error = toSourceError(answer.error, source);
    const skipped = layer.onError === "skip";
    const summary = errorSummary(error);
    p.steps.push({ source, outcome: skipped ? "skipped" : "error", ms, error: summary });
    emit({
      type: "error",
      connId: id,
      source,
      code: summary.code ?? summary.name,
      error: summary.message,
      skipped,
    });
    if (!skipped) p.error = error;
    return skipped;
  }
  const { hit } = answer;
  if (!hit) {
    p.steps.push({ source, outcome: "miss", ms, ...cacheInfo });
    return true;
  }
  const version = hit.version !== undefined ? { version: hit.version } : {};
  if (answer.staleBecause !== undefined) {
    const error = { name: "SourceError", code: "SOURCE_FAILED", message: answer.staleBecause };
    p.steps.push({ source, outcome: "stale", ms, origin: hit.origin, ...version, ...cacheInfo, error });
  } else {
    p.steps.push({ source, outcome: "hit", ms, origin: hit.origin, ...version, ...cacheInfo });
  }
  if (answer.cache !== "fresh") emit({ type: "hit", connId: id, source, origin: hit.origin, ms });
  p.hits.push({ label: source, hit });
  return true;
}

function finish(connId: string, p: Progress, ctx: ChainContext, ms: number): Resolution {
  const { steps, hits } = p;
  if (p.error) return { connId, winner: null, steps, error: p.error };
  const first = hits[0];
  if (!first) {
    ctx.emit({ type: "miss", connId, sources: ctx.layers.map((l) => l.label), ms });
    return { connId, winner: null, steps };
  }
  const { origin, version } = first.hit;
  const winner = { source: first.label, origin, ...(version !== undefined ? { version } : {}) };
  if (ctx.mode === "first") return { connId, connection: first.hit.connection, winner, steps };
  const { connection, fields } = mergeHits(connId, hits);
  const merged = hits.map(({ label, hit }) => ({
    source: label,
    origin: hit.origin,
    ...(hit.version !== undefined ? { version: hit.version } : {}),
  }));
  return { connId, connection, winner, steps, fields, merged };
}
