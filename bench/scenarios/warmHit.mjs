// Scenario 1. Warm hit: a Secrets Manager connection already in the cache; lookups per second,
// awsconn `resolver.get` vs Powertools `SecretsProvider.get` (maxAge 300, transform json).
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

/** Awaits `fn()` `n` times in sequence; returns ns per lookup. */
async function timeLoop(fn, n) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / n;
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
  const callsDuringLoop = ctx.proxy.total("secretsmanager.");

  const result = sides.map((s) => {
    const ns = samples.get(s.name);
    const med = median(ns);
    return {
      name: s.name,
      nsPerLookup: round(med),
      lookupsPerSecond: round(1e9 / med),
      nsSamples: ns.map((x) => round(x)),
    };
  });
  const a = result.find((s) => s.name === "awsconn");
  const p = result.find((s) => s.name.startsWith("Powertools"));
  const speedup = a ? a.lookupsPerSecond / p.lookupsPerSecond : undefined;
  const met = a ? speedup >= 2 && a.nsPerLookup < 1000 : null;
  return {
    method: `${LOOKUPS.toLocaleString("en")} sequential awaited lookups per round, ${ROUNDS} rounds alternating the order of the sides, median of the rounds; the first lookup of each side filled its cache (${fillCalls} API calls), the timed loops made ${callsDuringLoop}.`,
    sides: result,
    ratio: speedup && { label: "awsconn / Powertools lookups per second", value: round(speedup, 3) },
    target: "at least 2x Powertools lookups/s, and under 1 µs per lookup",
    met,
    verdict: a
      ? `${round(speedup, 3)}x Powertools; ${round(a.nsPerLookup, 3)} ns per lookup`
      : "awsconn not available",
    chart: {
      subtitle: "one cached Secrets Manager connection, sequential awaited get()",
      panels: [
        {
          label: "lookups per second",
          unit: "1/s",
          better: "higher",
          bars: result.map((s) => ({ name: s.name, value: s.lookupsPerSecond })),
        },
        {
          label: "time per lookup",
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
