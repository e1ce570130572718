// Scenario 1. Warm hit: a Secrets Manager connection already in the cache; lookups per second,
// awsconn `resolver.get` vs Powertools `SecretsProvider.get` (maxAge 300, transform json). A third
// side resolves the same id through [env, file, secretsmanager]: env and file are read live on every
// lookup (an env miss and a file freshness check), then the cached Secrets Manager hit.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { SecretsProvider } from "@aws-lambda-powertools/parameters/secrets";
import { connectionJson, CREDENTIALS, REGION, SM_PREFIX } from "../lib/fixtures.mjs";
import { median, round } from "../lib/stats.mjs";

const ID = "bench_warm";
const LOOKUPS = 200_000;
const ROUNDS = 9;

export const scenario = {
  id: "1-warm-hit",
  title: "Warm hit: cached Secrets Manager connection",
  seed: { secrets: [[ID, connectionJson(1)]], parameters: [] },
  run,
};

/**
 * Awaits `fn()` `n` times in sequence; returns ns per lookup of wall time and of CPU time
 * (user + system of this process, which GC helper threads add to). On a loaded machine the wall
 * time also counts the time the process waited for a core; the CPU time does not.
 */
async function timeLoop(fn, n) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  const wall = Number(process.hrtime.bigint() - t0) / n;
  const c = process.cpuUsage(c0);
  return { wall, cpu: ((c.user + c.system) * 1000) / n };
}

async function run(ctx) {
  const sides = [];
  const provider = new SecretsProvider({
    clientConfig: { endpoint: ctx.proxy.endpoint, region: REGION, credentials: CREDENTIALS },
  });
  const ptOptions = { maxAge: 300, transform: "json" };
  sides.push({ name: "Powertools SecretsProvider.get", fn: () => provider.get(SM_PREFIX + ID, ptOptions) });
  let resolver;
  if (ctx.awsconn) {
    resolver = ctx.awsconn.createResolver({
      sources: [{ type: "secretsmanager", endpoint: ctx.proxy.endpoint, region: REGION }],
      cache: { ttlSeconds: 300 },
    });
    sides.unshift({ name: "awsconn", fn: () => resolver.get(ID) });
    const dir = mkdtempSync(join(os.tmpdir(), "awsconn-bench-warm-"));
    const file = join(dir, "connections.yaml");
    writeFileSync(file, "other_conn: postgres://u@h/db\n", { mode: 0o600 });
    const layered = ctx.awsconn.createResolver({
      sources: [
        { type: "env" },
        { type: "file", path: file },
        { type: "secretsmanager", endpoint: ctx.proxy.endpoint, region: REGION },
      ],
      cache: { ttlSeconds: 300 },
    });
    sides.push({ name: "awsconn [env, file, secretsmanager]", fn: () => layered.get(ID) });
  }
  // First lookup fills each cache; check both return the connection.
  ctx.proxy.reset();
  for (const side of sides) {
    const value = await side.fn();
    const host = value?.host;
    if (typeof host !== "string" || !host.startsWith("db-00001"))
      throw new Error(`${side.name}: unexpected value`);
  }
  const fillCalls = ctx.proxy.total("secretsmanager.");
  // Warm-up (JIT), then interleaved rounds.
  for (const side of sides) await timeLoop(side.fn, LOOKUPS / 4);
  ctx.proxy.reset();
  const samples = new Map(sides.map((s) => [s.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) samples.get(side.name).push(await timeLoop(side.fn, LOOKUPS));
  }
  const loadAverage = Number(os.loadavg()[0].toFixed(2));
  const callsDuringLoop = ctx.proxy.total("secretsmanager.");

  const result = sides.map((s) => {
    const cpu = samples.get(s.name).map((x) => x.cpu);
    const wall = samples.get(s.name).map((x) => x.wall);
    return {
      name: s.name,
      nsPerLookup: round(median(cpu)),
      lookupsPerSecond: round(1e9 / median(cpu)),
      wallNsPerLookup: round(median(wall)),
      wallLookupsPerSecond: round(1e9 / median(wall)),
      cpuNsSamples: cpu.map((x) => round(x)),
      wallNsSamples: wall.map((x) => round(x)),
    };
  });
  const a = result.find((s) => s.name === "awsconn");
  const layeredSide = result.find((s) => s.name.startsWith("awsconn ["));
  const p = result.find((s) => s.name.startsWith("Powertools"));
  const speedup = a ? a.lookupsPerSecond / p.lookupsPerSecond : undefined;
  const met = a ? speedup >= 2 && a.nsPerLookup < 1000 : null;
  const missedBy = [];
  if (a && speedup < 2) missedBy.push(`${round(speedup, 3)}x instead of 2x Powertools`);
  if (a && a.nsPerLookup >= 1000) missedBy.push(`${round(a.nsPerLookup - 1000, 3)} ns over 1 µs per lookup`);
  const wallSpeedup = a ? a.wallLookupsPerSecond / p.wallLookupsPerSecond : undefined;
  return {
    method: `${LOOKUPS.toLocaleString("en")} sequential awaited lookups per round, ${ROUNDS} rounds alternating the order of the sides, median of the rounds. Lookups per second are per CPU-second of this process (process.cpuUsage), so that other processes competing for the cores do not enter; the wall-clock figures are in results.json and the table (1-minute load average at the end of the loops: ${loadAverage}). The first lookup of each side filled its cache (${fillCalls} API calls), the timed loops made ${callsDuringLoop}.`,
    sides: result,
    ratio: speedup && { label: "awsconn / Powertools lookups per second", value: round(speedup, 3) },
    layered: layeredSide && {
      label: "[env, file, secretsmanager] ns per lookup vs Powertools' cached get",
      nsPerLookup: layeredSide.nsPerLookup,
      powertoolsNsPerLookup: p.nsPerLookup,
      ratio: round(layeredSide.nsPerLookup / p.nsPerLookup, 3),
    },
    target: "at least 2x Powertools lookups/s, and under 1 µs per lookup",
    met,
    missedBy: missedBy.length > 0 ? missedBy.join("; ") : undefined,
    verdict: a
      ? `${round(speedup, 3)}x Powertools; ${round(a.nsPerLookup, 3)} ns CPU per lookup (wall clock: ${round(wallSpeedup, 3)}x, ${round(a.wallNsPerLookup, 3)} ns)${layeredSide ? `; through [env, file, secretsmanager]: ${round(layeredSide.nsPerLookup, 3)} ns (${round(layeredSide.nsPerLookup / p.nsPerLookup, 3)}x Powertools' time)` : ""}`
      : "awsconn not available",
    chart: {
      subtitle: "one cached Secrets Manager connection, sequential awaited get()",
      panels: [
        {
          label: "lookups per CPU-second",
          unit: "1/s",
          better: "higher",
          bars: result.map((s) => ({ name: s.name, value: s.lookupsPerSecond })),
        },
        {
          label: "CPU time per lookup",
          unit: "ns",
          better: "lower",
          target: 1000,
          bars: result.map((s) => ({ name: s.name, value: s.nsPerLookup })),
        },
      ],
    },
    cleanup: () => provider.client.destroy?.(),
  };
}
