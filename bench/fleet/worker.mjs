// One worker process of the fleet: runs the fleet members it is given, each on its own schedule in
// fleet time, and sends back what each one saw. Started by lib/runFleet.mjs (child_process.fork):
// it gets its job, builds its members, says "ready", and starts at the epoch it is then sent.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { benchEnv } from "../lib/fixtures.mjs";
import { fleetClock, sleepUntil } from "./lib/fleetClock.mjs";
import { sideFactory } from "./lib/sides.mjs";

/** Fleet seconds after the end that in-flight work may still finish before the answer is sent. */
const GRACE_SECONDS = 30;

benchEnv();
process.once("message", async (job) => {
  const errors = new Map();
  const note = (e) => {
    const key = `${e?.name ?? "Error"}: ${String(e?.message ?? e).slice(0, 120)}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  };
  // The members are built before the epoch is known: their clock reads the fleet clock once it is set.
  let clock;
  const lazyClock = {
    now: () => (clock ? clock.ms.now() : 1),
    // a preload's wait for the quota, in fleet time
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms / job.scale);
        const stop = () => {
          clearTimeout(timer);
          reject(signal.reason);
        };
        signal?.addEventListener("abort", stop, { once: true });
      }),
  };
  const events = {};
  const tally = (kind) => {
    if (clock) events[kind] = (events[kind] ?? 0) + 1;
  };
  const make = await sideFactory(job.kind, { ...job, clock: lazyClock }, note, tally);
  // One throwaway member loads what the SDK loads lazily, before the clock starts (the proxy's
  // counts start at the epoch); each member still builds its own client on its first call.
  await make()
    .read(job.ids[0])
    .catch(() => {});
  const sides = job.members.map(() => make());
  const { epochMs } = await new Promise((resolve) => {
    process.once("message", resolve);
    process.send({ ready: true });
  });
  clock = fleetClock(epochMs, job.scale);
  // how late timers fire here (a starved worker bunches its members' calls: a harness artefact)
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const outs = job.members.map(({ index, startAt }) => ({
    index,
    startAt,
    readyAt: null,
    startAttempts: 0,
    failedStartLookups: 0,
    reads: 0,
    failedReads: 0,
  }));
  await Promise.race([
    Promise.all(outs.map((out, i) => live(sides[i], out))),
    sleepUntil(clock, job.endSeconds + GRACE_SECONDS),
  ]);
  lag.disable();
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const loopDelayMs = { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 };
  const answer = { members: outs, errors: [...errors], events, cpuSeconds, loopDelayMs };
  process.send(answer, () => process.exit(0));

  /** One fleet member: start at its time (retrying what failed, with backoff), then read every id every `readEverySeconds`. */
  async function live(side, out) {
    await sleepUntil(clock, out.startAt);
    let pending = job.ids;
    while (pending.length > 0 && clock.seconds() < job.endSeconds) {
      out.startAttempts++;
      const failed = await side.start(pending);
      if (failed.length > 0) {
        out.failedStartLookups += failed.length;
        // the app's own retry of a failed start: full jitter, 2 s doubling to 60 s (fleet time)
        const cap = Math.min(60, 2 * 2 ** (out.startAttempts - 1));
        await sleepUntil(clock, clock.seconds() + Math.random() * cap);
      }
      pending = failed;
    }
    if (pending.length > 0) return;
    out.readyAt = clock.seconds();
    const every = job.readEverySeconds;
    for (let at = out.readyAt + Math.random() * every; at < job.endSeconds; at += every) {
      await sleepUntil(clock, at);
      if (clock.seconds() >= job.endSeconds) break;
      const settled = await Promise.allSettled(job.ids.map((id) => side.read(id)));
      out.reads += settled.length;
      for (const s of settled) {
        if (s.status !== "rejected") continue;
        out.failedReads++;
        note(s.reason);
      }
    }
  }
});
