import type { SourceHit } from "@awsconn/core";
import type { Emit } from "./emitEvent.js";
import type { Layer } from "./Layer.js";
import { mergeHits } from "./mergeHits.js";
import { errorSummary, toSourceError } from "./toSourceError.js";
import type { Clock, ExplainStep, ResolveMode, Resolution } from "./types.js";

/**
 * Asks the layers for one id, highest priority first, and returns what happened:
 * 1. a hit wins (`first` mode) or is collected (`merge` mode: every layer is asked);
 * 2. "not here" passes to the next layer;
 * 3. a failure stops the lookup (fail closed) unless the layer has `onError: "skip"`;
 *    the returned resolution then carries the `error` (the caller may still serve a stale value).
 * Never throws.
 *
 * @example
 * ```ts
 * const r = await runChain("aws_default", layers, "first", performance, () => {});
 * r.connection; r.winner; r.steps;
 * ```
 */
export async function runChain(
  connId: string,
  layers: readonly Layer[],
  mode: ResolveMode,
  clock: Clock,
  emit: Emit,
): Promise<Resolution> {
  const steps: ExplainStep[] = [];
  const hits: { label: string; hit: SourceHit; live: boolean }[] = [];
  let remote = false;
  const start = clock.now();
  for (const layer of layers) {
    if (!layer.live) remote = true;
    const t0 = clock.now();
    let hit: SourceHit | undefined;
    try {
      hit = await layer.source.get(connId);
    } catch (thrown) {
      const error = toSourceError(thrown, layer.label);
      const skipped = layer.onError === "skip";
      const summary = errorSummary(error);
      steps.push({
        source: layer.label,
        outcome: skipped ? "skipped" : "error",
        ms: clock.now() - t0,
        error: summary,
      });
      emit({
        type: "error",
        connId,
        source: layer.label,
        code: summary.code ?? summary.name,
        error: summary.message,
        skipped,
      });
      if (skipped) continue;
      return { connId, winner: null, steps, error, remote, live: hits.some((h) => h.live) };
    }
    const ms = clock.now() - t0;
    if (!hit) {
      steps.push({ source: layer.label, outcome: "miss", ms });
      continue;
    }
    steps.push({ source: layer.label, outcome: "hit", ms, origin: hit.origin });
    emit({ type: "hit", connId, source: layer.label, origin: hit.origin, ms });
    hits.push({ label: layer.label, hit, live: layer.live });
    if (mode === "first") break;
  }
  const first = hits[0];
  if (!first) {
    emit({ type: "miss", connId, sources: layers.map((l) => l.label), ms: clock.now() - start });
    return { connId, winner: null, steps, remote, live: false };
  }
  const winner = { source: first.label, origin: first.hit.origin };
  const live = hits.some((h) => h.live);
  if (mode === "first")
    return { connId, connection: first.hit.connection, winner, steps, remote: !first.live, live };
  const { connection, fields } = mergeHits(connId, hits);
  return { connId, connection, winner, steps, fields, remote, live };
}
