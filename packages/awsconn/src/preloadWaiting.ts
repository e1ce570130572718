import { SourceError } from "@awsconn/core";
import type { Clock } from "./Clock.js";
import type { Emit } from "./emitEvent.js";
import { PRELOAD_WAIT_SECONDS, type PreloadOptions } from "./PreloadOptions.js";
import type { PreloadResult } from "./Resolver.js";

/** The first wait between rounds of a throttled preload, and the most it grows to (ms). */
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 20_000;

/** What {@link preloadWaiting} needs of the resolver: its connections' lookups, or its Variables'. */
export interface PreloadDeps<R extends { error?: Error | undefined }> {
  /** Looks ids up through the chain (caches filled), one outcome per id (its `error` if it failed). */
  lookup(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, R>>;
  /** Whether a lookup that did not fail found its id. */
  found(outcome: R): boolean;
  clock: Clock;
  emit: Emit;
  /** Jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** What the ids are, for the warning: default `ids` (`Variable keys` for `preloadVariables`). */
  noun?: string;
}

/**
 * `preload` (and `preloadVariables`) that waits out throttling. Rules:
 * 1. every id is looked up once, in batches (the sources' `getMany`);
 * 2. a failure other than throttling rejects at once (fail closed, as `get` does);
 * 3. the throttled ids alone are asked again after a full-jitter wait (uniform in
 *    [0, min(20 s, 1 s x 2^round))), with a `warning` event `PRELOAD_THROTTLED` naming how many;
 * 4. once the next wait would end past `waitSeconds` from the start, the throttling error rejects;
 *    the caller's signal stops the wait at once.
 * `found` and `notFound` keep the order the ids were given in.
 *
 * @example
 * ```ts
 * await preloadWaiting(["a", "b"], { waitSeconds: 60 }, { lookup, clock: performance, emit });
 * ```
 */
export async function preloadWaiting<R extends { error?: Error | undefined }>(
  connIds: readonly string[],
  options: PreloadOptions | undefined,
  deps: PreloadDeps<R>,
): Promise<PreloadResult> {
  const { clock, emit } = deps;
  const random = deps.random ?? Math.random;
  const signal = options?.signal;
  const waitMs = waitSecondsOf(options) * 1000;
  const started = clock.now();
  const order = [...new Set(connIds)];
  const found = new Set<string>();
  let pending: readonly string[] = order;
  for (let round = 0; ; round++) {
    const resolutions = await deps.lookup(pending, signal);
    const throttled: string[] = [];
    let lastThrottle: unknown;
    for (const [id, r] of resolutions) {
      if (!r.error) {
        if (deps.found(r)) found.add(id);
        continue;
      }
      if (!isThrottling(r.error)) throw r.error;
      throttled.push(id);
      lastThrottle = r.error;
    }
    if (throttled.length === 0) break;
    const wait = random() * Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** round);
    if (clock.now() + wait - started > waitMs) throw lastThrottle;
    emit({
      type: "warning",
      source: "preload",
      code: "PRELOAD_THROTTLED",
      message: `preload: ${throttled.length} of ${order.length} ${deps.noun ?? "ids"} throttled; asking again in ${(wait / 1000).toFixed(1)} s`,
    });
    await sleepOn(clock, wait, signal);
    pending = throttled;
  }
  return {
    found: order.filter((id) => found.has(id)),
    notFound: order.filter((id) => !found.has(id)),
  };
}

function waitSecondsOf(options: PreloadOptions | undefined): number {
  const given = options?.waitSeconds;
  if (given === undefined) return PRELOAD_WAIT_SECONDS;
  if (typeof given !== "number" || !(given >= 0))
    throw new TypeError(`preload: waitSeconds must be a number of seconds >= 0, got ${String(given)}`);
  return given;
}

function isThrottling(error: unknown): boolean {
  return error instanceof SourceError && error.kind === "throttled";
}

async function sleepOn(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (clock.sleep) return clock.sleep(ms, signal);
  const { setTimeout } = await import("node:timers/promises");
  try {
    await setTimeout(ms, undefined, signal ? { signal } : undefined);
  } catch (error) {
    signal?.throwIfAborted(); // the signal's own reason, as every other abort
    throw error;
  }
}
