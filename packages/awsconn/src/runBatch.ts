import type { SourceHit } from "@awsconn/core";
import type { Emit } from "./emitEvent.js";
import type { Layer } from "./Layer.js";
import { mergeHits } from "./mergeHits.js";
import { errorSummary, toSourceError } from "./toSourceError.js";
import type { Clock, ExplainStep, ResolveMode, Resolution } from "./types.js";

interface Progress {
  steps: ExplainStep[];
  hits: { label: string; hit: SourceHit; live: boolean }[];
  remote: boolean;
  error?: Error;
}

async function askLayer(layer: Layer, ids: readonly string[]): Promise<Map<string, SourceHit>> {
  if (layer.source.getMany) return layer.source.getMany(ids);
  const out = new Map<string, SourceHit>();
  const hits = await Promise.all(ids.map((id) => layer.source.get(id)));
  hits.forEach((hit, i) => {
    if (hit) out.set(ids[i] as string, hit);
  });
  return out;
}

/**
 * The batch form of `runChain` used by `preload` and `getMany`: each layer is asked once for all
 * ids still open (through its `getMany` when it has one), ids not found there go on to the next
 * layer together, and the same priority and failure rules apply per id. Never throws.
 *
 * @example
 * ```ts
 * const results = await runBatch(["a", "b"], layers, "first", performance, () => {});
 * results.get("a")?.connection;
 * ```
 */
export async function runBatch(
  ids: readonly string[],
  layers: readonly Layer[],
  mode: ResolveMode,
  clock: Clock,
  emit: Emit,
): Promise<Map<string, Resolution>> {
  const progress = new Map<string, Progress>(ids.map((id) => [id, { steps: [], hits: [], remote: false }]));
  let open = [...progress.keys()];
  for (const layer of layers) {
    if (open.length === 0) break;
    const t0 = clock.now();
    let found: Map<string, SourceHit>;
    try {
      found = await askLayer(layer, open);
    } catch (thrown) {
      const error = toSourceError(thrown, layer.label);
      const skipped = layer.onError === "skip";
      const summary = errorSummary(error);
      const ms = clock.now() - t0;
      for (const id of open) {
        const p = progress.get(id) as Progress;
        if (!layer.live) p.remote = true;
        p.steps.push({ source: layer.label, outcome: skipped ? "skipped" : "error", ms, error: summary });
        emit({
          type: "error",
          connId: id,
          source: layer.label,
          code: summary.code ?? summary.name,
          error: summary.message,
          skipped,
        });
        if (!skipped) p.error = error;
      }
      if (!skipped) open = [];
      continue;
    }
    const ms = clock.now() - t0;
    const next: string[] = [];
    for (const id of open) {
      const p = progress.get(id) as Progress;
      if (!layer.live) p.remote = true;
      const hit = found.get(id);
      if (!hit) {
        p.steps.push({ source: layer.label, outcome: "miss", ms });
        next.push(id);
        continue;
      }
      p.steps.push({ source: layer.label, outcome: "hit", ms, origin: hit.origin });
      emit({ type: "hit", connId: id, source: layer.label, origin: hit.origin, ms });
      p.hits.push({ label: layer.label, hit, live: layer.live });
      if (mode === "merge") next.push(id);
    }
    open = next;
  }
  const out = new Map<string, Resolution>();
  for (const [connId, p] of progress) out.set(connId, finish(connId, p, mode, layers, emit));
  return out;
}

function finish(
  connId: string,
  p: Progress,
  mode: ResolveMode,
  layers: readonly Layer[],
  emit: Emit,
): Resolution {
  const live = p.hits.some((h) => h.live);
  if (p.error) return { connId, winner: null, steps: p.steps, error: p.error, remote: p.remote, live };
  const first = p.hits[0];
  if (!first) {
    emit({
      type: "miss",
      connId,
      sources: layers.map((l) => l.label),
      ms: p.steps.reduce((a, s) => a + s.ms, 0),
    });
    return { connId, winner: null, steps: p.steps, remote: p.remote, live: false };
  }
  const winner = { source: first.label, origin: first.hit.origin };
  if (mode === "first")
    return { connId, connection: first.hit.connection, winner, steps: p.steps, remote: !first.live, live };
  const { connection, fields } = mergeHits(connId, p.hits);
  return { connId, connection, winner, steps: p.steps, fields, remote: p.remote, live };
}
