// Cold burst and steady state of one fleet, for awsconn, Powertools Parameters and a naive loop:
// P members (scaled down by F, the quota with them), each with K SSM connections, starting within
// `startWindow` fleet seconds, reading every connection every L seconds for 3 TTLs (naive: 2 L).
import { runFleet } from "../lib/runFleet.mjs";

const GET_OPS = ["GetParameter", "GetParameters", "GetParametersByPath"];

/**
 * The cold burst alone, judged strictly: a start is one synchronized wave, and a wave 1/F the size
 * must meet a bucket 1/F the size (rate and burst divided by F) to be throttled as the full fleet's
 * would be. Members stop once they have their connections (no reads).
 * @param {"awsconn" | "powertools" | "naive"} kind
 * @param {Parameters<typeof fleetSide>[1]} f
 */
export async function coldBurst(kind, f) {
  const members = Math.round(f.P / f.fleetScale);
  const ideal = Math.max(f.startWindow, (f.P * Math.ceil(f.K / 10)) / 40);
  const t0 = performance.now();
  const run = await runFleet({
    ...fleetOf(kind, members, f),
    burstScale: 1 / f.fleetScale,
    readEverySeconds: Number.POSITIVE_INFINITY,
    endSeconds: 3 * ideal,
  });
  return {
    side: kind,
    members,
    fleetScale: f.fleetScale,
    ...coldFigures(run, f.fleetScale, 3 * ideal, t0, f),
  };
}

/** The runFleet options both runs share. */
function fleetOf(kind, members, f) {
  const { workers, motoEndpoint, scale, fleetScale, T: ttlSeconds, startWindow: startWindowSeconds, ids } = f;
  return { kind, members, workers, motoEndpoint, scale, fleetScale, ttlSeconds, startWindowSeconds, ids };
}

function coldFigures(run, F, endSeconds, t0, f) {
  const ready = run.members.map((m) => m.readyAt);
  const readySeconds = ready.every((r) => r !== null) ? Math.max(...ready) : null;
  const perBin = run.bins.map((b) =>
    sum(GET_OPS.map((op) => b.operations[op] ?? { forwarded: 0, throttled: 0 })),
  );
  const cold = sum(perBin.slice(0, Math.ceil(readySeconds ?? endSeconds)));
  return {
    realSeconds: round((performance.now() - t0) / 1000, 1),
    // worker event-loop delay in fleet seconds: above ~0.5 the members' timing is the machine's, not theirs
    workerLagFleetSeconds: {
      p99: round((run.loopDelayMs.p99 * f.scale) / 1000, 2),
      max: round((run.loopDelayMs.max * f.scale) / 1000, 2),
    },
    cold: {
      failedLookups: sumOf(run.members, "failedStartLookups") * F,
      membersThatRetried: run.members.filter((m) => m.startAttempts > 1).length * F,
      callsForwarded: cold.forwarded * F,
      callsThrottled: cold.throttled * F,
      allReadySeconds: readySeconds === null ? null : round(readySeconds, 1),
      readyMembers: ready.filter((r) => r !== null).length * F,
    },
    errors: run.errors,
  };
}

/**
 * @param {"awsconn" | "powertools" | "naive"} kind
 * @param {{ P: number, K: number, T: number, L: number, startWindow: number, scale: number,
 *   fleetScale: number, workers: number, ids: string[], motoEndpoint: string, ttls: number }} f
 */
export async function fleetSide(kind, f) {
  const members = Math.round(f.P / f.fleetScale);
  const endSeconds = f.startWindow + (kind === "naive" ? 2 * f.L : f.ttls * f.T);
  const t0 = performance.now();
  const run = await runFleet({ ...fleetOf(kind, members, f), readEverySeconds: f.L, endSeconds });
  const F = f.fleetScale;
  const perBin = run.bins.map((b) =>
    sum(GET_OPS.map((op) => b.operations[op] ?? { forwarded: 0, throttled: 0 })),
  );
  // steady window: from one TTL in (every member has refreshed at least once) to the end
  const from = kind === "naive" ? Math.ceil(f.startWindow + f.L / 2) : f.T;
  const window = perBin.slice(from, Math.floor(endSeconds));
  const attempted = window.map((b) => b.forwarded + b.throttled);
  const mean = avg(attempted);
  const busiest = Math.max(...attempted);
  const busiestF = Math.max(...chunks(attempted, F).map((c) => c.reduce((a, b) => a + b, 0)));
  const { errors, ...cold } = coldFigures(run, F, endSeconds, t0, f);
  return {
    side: kind,
    members,
    fleetScale: F,
    ...cold,
    workerCpuSeconds: round(run.workerCpuSeconds, 1),
    parentCpuSeconds: round(run.parentCpuSeconds, 1),
    steady: {
      windowSeconds: [from, Math.floor(endSeconds)],
      callsPerSecond: round(mean * F, 2),
      forwardedPerSecond: round(avg(window.map((b) => b.forwarded)) * F, 2),
      throttledPerSecond: round(avg(window.map((b) => b.throttled)) * F, 2),
      busiestSecond: busiest * F,
      busiestToMean: mean > 0 ? round(busiest / mean, 2) : null,
      busiestFleetSecondInFBins: busiestF,
      busiestToMeanInFBins: mean > 0 ? round(busiestF / (mean * F), 2) : null,
      operations: operationsIn(run.bins.slice(from, Math.floor(endSeconds)), F),
      reads: sumOf(run.members, "reads") * F,
      failedReads: sumOf(run.members, "failedReads") * F,
    },
    // awsconn's own events over the whole run (per id; x F): background refreshes by outcome, stale serves
    events: Object.fromEntries(Object.entries(run.events).map(([k, n]) => [k, n * F])),
    errors: run.errors,
    perSecond: attemptedSeries(perBin, F),
  };
}

/** Calls per operation over the bins (x F), forwarded and throttled. */
function operationsIn(bins, F) {
  const out = {};
  for (const b of bins)
    for (const [op, c] of Object.entries(b.operations)) {
      out[op] ??= { forwarded: 0, throttled: 0 };
      out[op].forwarded += c.forwarded * F;
      out[op].throttled += c.throttled * F;
    }
  return out;
}

function attemptedSeries(perBin, F) {
  return perBin.map((b) => (b.forwarded + b.throttled) * F);
}
function sum(counts) {
  return counts.reduce(
    (a, c) => ({ forwarded: a.forwarded + c.forwarded, throttled: a.throttled + c.throttled }),
    {
      forwarded: 0,
      throttled: 0,
    },
  );
}
function sumOf(rows, key) {
  return rows.reduce((s, r) => s + r[key], 0);
}
function avg(xs) {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
function chunks(xs, n) {
  const out = [];
  for (let i = 0; i + n <= xs.length; i += n) out.push(xs.slice(i, i + n));
  return out.length ? out : [xs];
}
function round(x, d) {
  return Number(x.toFixed(d));
}
