// Cold burst and steady state of one fleet, for awsconn, Powertools Parameters and a naive loop:
// P members (scaled down by F, the quota with them), each with K SSM connections, starting within
// `startWindow` fleet seconds, reading every connection every L seconds for 3 TTLs (naive: 2 L).
import { runFleet } from "../lib/runFleet.mjs";

const GET_OPS = ["GetParameter", "GetParameters", "GetParametersByPath"];

/**
 * @param {"awsconn" | "powertools" | "naive"} kind
 * @param {{ P: number, K: number, T: number, L: number, startWindow: number, scale: number,
 *   fleetScale: number, workers: number, ids: string[], motoEndpoint: string, ttls: number }} f
 */
export async function fleetSide(kind, f) {
  const members = Math.round(f.P / f.fleetScale);
  const endSeconds = f.startWindow + (kind === "naive" ? 2 * f.L : f.ttls * f.T);
  const t0 = performance.now();
  const run = await runFleet({
    kind,
    members,
    workers: f.workers,
    motoEndpoint: f.motoEndpoint,
    scale: f.scale,
    fleetScale: f.fleetScale,
    ttlSeconds: f.T,
    readEverySeconds: f.L,
    startWindowSeconds: f.startWindow,
    endSeconds,
    ids: f.ids,
  });
  const F = f.fleetScale;
  const ready = run.members.map((m) => m.readyAt);
  const allReady = ready.every((r) => r !== null);
  const readySeconds = allReady ? Math.max(...ready) : null;
  const perBin = run.bins.map((b) =>
    sum(GET_OPS.map((op) => b.operations[op] ?? { forwarded: 0, throttled: 0 })),
  );
  const coldEnd = Math.ceil(readySeconds ?? endSeconds);
  const cold = total(perBin.slice(0, coldEnd));
  // steady window: from one TTL in (every member has refreshed at least once) to the end
  const from = kind === "naive" ? Math.ceil(f.startWindow + f.L / 2) : f.T;
  const window = perBin.slice(from, Math.floor(endSeconds));
  const attempted = window.map((b) => b.forwarded + b.throttled);
  const mean = avg(attempted);
  const busiest = Math.max(...attempted);
  const busiestF = Math.max(...chunks(attempted, F).map((c) => c.reduce((a, b) => a + b, 0)));
  return {
    side: kind,
    members,
    fleetScale: F,
    realSeconds: round((performance.now() - t0) / 1000, 1),
    workerCpuSeconds: round(run.workerCpuSeconds, 1),
    parentCpuSeconds: round(run.parentCpuSeconds, 1),
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
function total(bins) {
  return sum(bins);
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
