import { ConfigError } from "@awsconn/core";
import type { OnSourceWarning } from "./SourceWarning.js";

/**
 * The `knownIds` option of an AWS source: keep a manifest of the ids the source holds, listed at
 * most once every `refreshSeconds`, so that an id not in it is "not here" without a per-id call.
 *
 * @example
 * ```ts
 * fromSsm({ knownIds: { refreshSeconds: 300 } });
 * ```
 */
export interface KnownIdsInit {
  /** How long one listing answers for; then the next lookup lists again (one listing at a time). */
  refreshSeconds: number;
}

/**
 * The options of a source that {@link idManifest} reads (every AWS source's `…Init` has them).
 *
 * @example
 * ```ts
 * const init: IdManifestInit = { knownIds: { refreshSeconds: 300 }, onWarning: (w) => log.warn(w.message) };
 * ```
 */
export interface IdManifestInit {
  /** No manifest without it. */
  knownIds?: KnownIdsInit | undefined;
  /** Milliseconds, monotonic (default `performance`). */
  clock?: { now(): number } | undefined;
  /** Told when a listing fails (`KNOWN_IDS_UNAVAILABLE`). */
  onWarning?: OnSourceWarning | undefined;
}

/**
 * The manifest of one source; see {@link idManifest}.
 *
 * @example
 * ```ts
 * await manifest.knows("aws_default"); // true, false (a miss, no call) or undefined (ask the backend)
 * ```
 */
export interface IdManifest {
  /**
   * `true`: the id was listed; `false`: it was not (a miss, no call needed); `undefined`: there is
   * no usable manifest (the last listing failed): ask the backend. Rejects only with the signal's reason.
   */
  knows(connId: string, signal?: AbortSignal): Promise<boolean | undefined>;
  /** Adds an id the source has just written. */
  add(connId: string): void;
}

/**
 * The id manifest of source `source` when `init.knownIds` asks for one (else `undefined`): the
 * first lookup lists the ids (`list()`, the source's own), and that listing answers
 * every lookup for `refreshSeconds`; the first lookup after that lists again, once, while
 * concurrent lookups wait for the same listing. A listing that fails is reported
 * (`KNOWN_IDS_UNAVAILABLE`) and leaves no manifest: lookups go to the backend id by id until the
 * next listing, tried again `refreshSeconds` after the failure. An id created elsewhere after a
 * listing is a miss until the next one.
 *
 * @example
 * ```ts
 * const manifest = idManifest("ssm", { knownIds: { refreshSeconds: 300 } }, () => list());
 * if ((await manifest?.knows("aws_default")) === false) return undefined; // no GetParameter
 * ```
 */
export function idManifest(
  source: string,
  init: IdManifestInit,
  list: () => AsyncIterable<string>,
): IdManifest | undefined {
  if (init.knownIds === undefined) return undefined;
  const { refreshSeconds } = init.knownIds;
  if (typeof refreshSeconds !== "number" || !Number.isFinite(refreshSeconds) || refreshSeconds <= 0) {
    throw new ConfigError("must be a positive number of seconds", { path: "knownIds.refreshSeconds" });
  }
  const clock = init.clock ?? performance;
  const refreshMs = refreshSeconds * 1000;
  let ids: Set<string> | undefined;
  let listedAt = 0;
  let failedAt: number | undefined;
  let flight: Promise<void> | undefined;

  const refresh = async (): Promise<void> => {
    const startedAt = clock.now();
    try {
      const next = new Set<string>();
      for await (const id of list()) next.add(id);
      ids = next;
      listedAt = startedAt;
      failedAt = undefined;
    } catch (error) {
      ids = undefined;
      failedAt = clock.now();
      const why = error instanceof Error ? error.message : "the listing failed";
      init.onWarning?.({
        code: "KNOWN_IDS_UNAVAILABLE",
        message: `${source}: knownIds: could not list the ids (${why}); looking ids up one by one until the next listing in ${refreshSeconds} s`,
      });
    }
  };

  return {
    async knows(connId, signal) {
      signal?.throwIfAborted();
      const now = clock.now();
      if (ids && now - listedAt < refreshMs) return ids.has(connId);
      if (failedAt !== undefined && now - failedAt < refreshMs) return undefined;
      flight ??= refresh().finally(() => {
        flight = undefined;
      });
      await untilAborted(flight, signal);
      return ids?.has(connId);
    },
    add(connId) {
      ids?.add(connId);
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** `work`, or the signal's reason if it fires first (the shared listing goes on for the others). */
function untilAborted(work: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return work;
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
