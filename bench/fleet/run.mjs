// The fleet benchmark (issue 18): many independent fleet members against moto behind a proxy that
// enforces AWS's quotas with AWS's own throttling answers. `npm run bench:fleet` (or
// `node bench/run.mjs fleet`); `node fleet/run.mjs misses rotation` runs only those parts
// (fleet, misses, rotation). Writes fleet/results.json and the table in fleet/README.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { benchEnv, connectionJson, seed } from "../lib/fixtures.mjs";
import { startMotoServer } from "../lib/moto.mjs";
import { missModel, paperModel, QUOTAS } from "./lib/model.mjs";
import { renderReadme, printSummary } from "./lib/report.mjs";
import { coldBurst, fleetSide } from "./scenarios/fleet.mjs";
import { misses } from "./scenarios/misses.mjs";
import { motoCapacity } from "./scenarios/motoCapacity.mjs";
import { refreshBatching } from "./scenarios/refreshBatching.mjs";
import { rotation } from "./scenarios/rotation.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const PARTS = ["fleet", "misses", "rotation"];
/** The fleet of the issue: P processes, K SSM connections each, TTL T, each connection read every L s, all starting within 10 s. */
const FLEET = { P: 2000, K: 20, T: 300, L: 60, startWindow: 10 };
/** Time scale: a 300 s TTL lasts 20 real s (300 / S must be whole seconds: Powertools' cache counts whole seconds). */
const TIME_SCALE = 15;
/** Fleet scales tried, largest fleet first: awsconn and Powertools run P/F members against 1/F of the quota; naive P/(10 F). */
const FLEET_SCALES = [8, 10, 16, 20, 25, 40];
const WORKERS = 2;

/**
 * Runs the fleet benchmark and writes its results; resolves to a process exit code.
 * @param {{ parts?: string[] }} [options]
 */
export async function runFleetBench(options = {}) {
  const parts = (options.parts ?? []).filter((p) => PARTS.includes(p));
  const selected = parts.length > 0 ? parts : PARTS;
  benchEnv();
  const started = performance.now();
  const loadAtStart = os.loadavg()[0];
  let awsconn = null;
  let awsconnError;
  try {
    awsconn = await import("awsconn");
  } catch (error) {
    awsconnError = String(error?.message ?? error).split("\n")[0];
  }
  const ids = Array.from({ length: FLEET.K }, (_, i) => `fleet_${String(i).padStart(2, "0")}`);
  const moto = await startMotoServer();
  const out = {
    generatedAt: new Date().toISOString(),
    parts: selected,
    awsconnAvailable: !!awsconn,
    awsconnError,
  };
  try {
    const values = ids.map((id, i) => [id, connectionJson(i)]);
    await seed(moto.endpoint, { secrets: values, parameters: values });
    out.motoCapacity = await motoCapacity({ motoEndpoint: moto.endpoint, ids, seconds: 3 });
    // moto must never be what binds: the quota-limited rate it serves stays under half its capacity
    const budget = out.motoCapacity.getParametersPerSecond / 2;
    const S = TIME_SCALE;
    const F = FLEET_SCALES.find((f) => (QUOTAS.ssmGet * S) / f <= budget) ?? FLEET_SCALES.at(-1);
    const fleetScale = { awsconn: F, powertools: F, naive: 10 * F };
    out.scale = {
      time: S,
      fleet: fleetScale,
      quotaPerRealSecond: (QUOTAS.ssmGet * S) / F,
      motoBudgetPerSecond: budget,
      note:
        `time runs ${S}x faster (a TTL of ${FLEET.T} s lasts ${FLEET.T / S} real s); the fleet is 1/F of ${FLEET.P} ` +
        `processes against 1/F of each quota (per fleet second), so demand/quota is the fleet's; fleet-wide counts ` +
        `are shown x F. The SDK's own retry backoff and adaptive rate limiter run in real time, i.e. ${S}x slower in fleet time.`,
    };
    out.model = {
      ...paperModel(FLEET),
      misses: missModel({ rate: 100, heldIds: ids.length, refreshSeconds: 60 }),
    };
    if (selected.includes("fleet")) {
      const base = { ...FLEET, scale: S, workers: WORKERS, ids, ttls: 3, motoEndpoint: moto.endpoint };
      if (awsconn) {
        console.error("bench:fleet: refresh batching (one process, manual clock) ...");
        const o = { awsconn, motoEndpoint: moto.endpoint, ids, T: FLEET.T, readEvery: [FLEET.L, 15] };
        out.refreshBatching = await refreshBatching(o).catch(failed);
        console.error("bench:fleet: cold burst (awsconn) ...");
        out.cold = await coldBurst("awsconn", { ...base, fleetScale: fleetScale.awsconn }).catch(failed);
      }
      out.sides = [];
      for (const kind of ["awsconn", "powertools", "naive"]) {
        if (kind === "awsconn" && !awsconn) {
          out.sides.push({ side: kind, error: `not available: ${awsconnError}` });
          continue;
        }
        console.error(`bench:fleet: ${kind} ...`);
        out.sides.push(await fleetSide(kind, { ...base, fleetScale: fleetScale[kind] }).catch(failed));
      }
    }
    if (selected.includes("misses") && awsconn) {
      console.error("bench:fleet: misses ...");
      // 100 lookups a fleet second; slower than real time if moto cannot serve that many calls
      const scale = Math.min(1, Math.floor(out.scale.motoBudgetPerSecond) / 100);
      out.missScale = scale;
      const o = { awsconn, motoEndpoint: moto.endpoint, rate: 100, seconds: 3, scale };
      out.misses = await misses(o).catch(failed);
    }
    if (selected.includes("rotation") && awsconn) {
      console.error("bench:fleet: rotation ...");
      out.rotation = await rotation({
        awsconn,
        motoEndpoint: moto.endpoint,
        beforeSeconds: 2,
        afterSeconds: 10,
      }).catch(failed);
    }
  } finally {
    await moto.stop();
  }
  out.totalSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
  out.machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    loadAverage1mAtStart: Number(loadAtStart.toFixed(2)),
    loadAverage1mAtEnd: Number(os.loadavg()[0].toFixed(2)),
  };
  const file = here("./results.json");
  const previous = parts.length > 0 && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const merged = { ...previous, ...out };
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  renderReadme(merged, here("./README.md"));
  printSummary(merged);
  console.error(
    `bench:fleet: done in ${out.totalSeconds} s; wrote bench/fleet/results.json and bench/fleet/README.md`,
  );
  return 0;
}

function failed(error) {
  console.error(error);
  return {
    error: String(error?.stack ?? error)
      .split("\n")
      .slice(0, 3)
      .join(" | "),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await runFleetBench({ parts: process.argv.slice(2) });
}
