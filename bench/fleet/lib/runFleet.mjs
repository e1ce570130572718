// Runs one fleet: `members` independent fleet members of one kind, spread round-robin over
// `workers` child processes, all on one fleet clock (a shared epoch, `scale` times faster than
// real time); a fresh quota proxy in front of moto counts and limits their calls.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startQuotaProxy } from "@awsconn/testkit/faults";
import { fleetClock } from "./fleetClock.mjs";

const WORKER = fileURLToPath(new URL("../worker.mjs", import.meta.url));
/** Real ms between "every worker is ready" and fleet second 0. */
const START_MS = 300;

/**
 * @param {{ kind: string, members: number, workers: number, motoEndpoint: string, scale: number,
 *   fleetScale: number, burstScale?: number, quotas?: import("@awsconn/testkit/faults").Quota[], ttlSeconds: number,
 *   readEverySeconds: number, startWindowSeconds: number, endSeconds: number, ids: string[] }} o
 */
export async function runFleet(o) {
  const members = Array.from({ length: o.members }, (_, index) => ({
    index,
    startAt: Math.random() * o.startWindowSeconds,
  }));
  // Quota rates per fleet second divided by the fleet scale, bursts kept: a fleet 1/F the size meets
  // 1/F of the rate, and its calls over F seconds are distributed as the full fleet's over one.
  let clock = fleetClock(Date.now() + 3_600_000, o.scale); // replaced at the epoch
  const proxy = await startQuotaProxy({
    target: o.motoEndpoint,
    clock: { now: () => clock.ms.now() },
    binMs: 1000,
    rateScale: 1 / o.fleetScale,
    burstScale: o.burstScale ?? 1,
    ...(o.quotas ? { quotas: o.quotas } : {}),
  });
  const job = {
    kind: o.kind,
    ids: o.ids,
    endpoint: proxy.endpoint,
    scale: o.scale,
    ttlSeconds: o.ttlSeconds,
    readEverySeconds: o.readEverySeconds,
    endSeconds: o.endSeconds,
  };
  const cpu0 = process.cpuUsage();
  const workers = Array.from({ length: o.workers }, (_, w) =>
    startWorker({ ...job, members: members.filter((m) => m.index % o.workers === w) }),
  );
  try {
    await Promise.all(workers.map((w) => w.ready));
    // every worker has built its members: fleet second 0 is shortly after now, for all of them
    const epochMs = Date.now() + START_MS;
    clock = fleetClock(epochMs, o.scale);
    proxy.reset();
    for (const w of workers) w.go(epochMs);
    const parts = await Promise.all(workers.map((w) => w.done));
    const errors = new Map();
    for (const part of parts) for (const [k, n] of part.errors) errors.set(k, (errors.get(k) ?? 0) + n);
    const events = {};
    for (const part of parts)
      for (const [k, n] of Object.entries(part.events)) events[k] = (events[k] ?? 0) + n;
    return {
      members: parts.flatMap((p) => p.members),
      events,
      errors: [...errors].sort((a, b) => b[1] - a[1]).slice(0, 5),
      bins: proxy.bins(),
      counts: proxy.counts(),
      workerCpuSeconds: parts.reduce((s, p) => s + p.cpuSeconds, 0),
      loopDelayMs: {
        p99: Math.max(...parts.map((p) => p.loopDelayMs.p99)),
        max: Math.max(...parts.map((p) => p.loopDelayMs.max)),
      },
      parentCpuSeconds: cpuSeconds(process.cpuUsage(cpu0)),
    };
  } finally {
    for (const w of workers) w.kill();
    await proxy.close();
  }
}

/** A forked worker: `ready` once it has built its members, `go(epochMs)` starts them, `done` is its answer. */
function startWorker(job) {
  const child = fork(WORKER, [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  let exited;
  const gone = new Promise((_, reject) => {
    exited = reject;
  });
  gone.catch(() => {});
  child.once("exit", (code) => exited(new Error(`fleet worker exited (${code}) before answering`)));
  const next = () => Promise.race([new Promise((resolve) => child.once("message", resolve)), gone]);
  const ready = next();
  const done = ready.then(next);
  done.catch(() => {});
  child.send(job);
  return {
    ready,
    done,
    go: (epochMs) => child.send({ epochMs }),
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

function cpuSeconds(u) {
  return (u.user + u.system) / 1e6;
}
