import type { Clock } from "./Clock.js";

/**
 * At most one forced re-resolve of a connection per this many ms (per resolver). A key that stays
 * refused (revoked before the secret was rotated) then costs one backend call per 5 s, however many
 * requests fail, instead of one per failed request.
 */
export const RENEW_INTERVAL_MS = 5000;

/**
 * Decides when an auth error may make the resolver forget a connection: `renew(connId)` runs
 * `forget(connId)` unless it already did for that id within `intervalMs`. Concurrent renewals need
 * nothing more: once the caches have forgotten the id, every caller joins the one lookup that follows.
 *
 * @example
 * ```ts
 * const gate = renewalGate((id) => invalidateSources(id), performance);
 * gate.renew("aws_default"); // forgets it; a second call within 5 s does nothing
 * ```
 */
export function renewalGate(
  forget: (connId: string) => void,
  clock: Clock,
  intervalMs: number = RENEW_INTERVAL_MS,
): { renew(connId: string): void; clear(): void } {
  const lastRenewal = new Map<string, number>();
  return {
    renew(connId) {
      const now = clock.now();
      const last = lastRenewal.get(connId);
      if (last !== undefined && now - last < intervalMs) return;
      lastRenewal.delete(connId); // re-inserted last: the map stays in time order
      lastRenewal.set(connId, now);
      for (const [id, at] of lastRenewal) {
        if (now - at < intervalMs) break;
        lastRenewal.delete(id);
      }
      forget(connId);
    },
    clear() {
      lastRenewal.clear();
    },
  };
}
