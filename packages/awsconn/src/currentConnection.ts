import type { Layer } from "./Layer.js";
import type { ResolveResult } from "./ResolveResult.js";
import type { CurrentConnection } from "./rotatingCredentials.js";

/**
 * A resolved connection with how long it stays as it is: the shortest remaining freshness of the
 * cached answers it was made of (the winner; in merge mode every layer that had the id). Absent
 * when only live sources (env, file) gave it: those are read again on every lookup.
 *
 * @example
 * ```ts
 * const { connection, freshForMs } = currentConnection("aws_default", await resolver.resolve("aws_default"), layers);
 * ```
 */
export function currentConnection(
  connId: string,
  result: ResolveResult,
  layers: readonly Layer[],
): CurrentConnection {
  const labels = result.merged ? result.merged.map((m) => m.source) : [result.source];
  let freshForMs: number | undefined;
  for (const label of labels) {
    const cached = layers.find((l) => l.label === label)?.cached;
    if (!cached) continue;
    const fresh = cached.freshForMs(connId);
    freshForMs = freshForMs === undefined ? fresh : Math.min(freshForMs, fresh);
  }
  return freshForMs === undefined
    ? { connection: result.connection }
    : { connection: result.connection, freshForMs };
}
