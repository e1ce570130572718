// Scenario 2. Cold lookup through [env, file, secretsmanager] with the hit in Secrets Manager,
// vs one raw GetSecretValue on the same kind of client. Both talk to moto directly (no counting
// proxy in between, so the proxy's own latency does not dilute the overhead).
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { connectionJson, REGION, SM_PREFIX, smClient } from "../lib/fixtures.mjs";
import { median, round, summary } from "../lib/stats.mjs";

const ID = "bench_cold";
// 600, not 150 (until December 2026): the CPU row, a sum of process.cpuUsage over each side's lookups
// (GC and the event loop's other work land in whichever lookup they interrupt), gave +5.1%, +18.6% and
// +9.4% in three runs of one build with 150.
const SAMPLES = 600;
const WARMUP = 20;
const OVERHEAD_TARGET = 0.05;
const CPU_TARGET = 0.05;

export const scenario = {
  id: "2-cold-lookup",
  title: "Cold lookup through env, file, Secrets Manager vs one raw GetSecretValue",
  seed: { secrets: [[ID, connectionJson(2)]], parameters: [] },
  run,
};

/**
 * What the overhead is made of, without the network: median µs of a cold lookup through
 * [env, file, memory] and [memory] (an in-memory source answering the same JSON), and of the
 * env and file sources' own get().
 */
async function inProcessBreakdown(awsconn, file) {
  const [{ parseConnectionJson }, { fromEnv }, { fromFile }] = await Promise.all([
    import("@awsconn/core"),
    import("@awsconn/source-env"),
    import("@awsconn/source-file"),
  ]);
  const json = connectionJson(2);
  const memory = {
    name: "memory",
    get: async (id) => ({ connection: parseConnectionJson(json, id), origin: `memory:${id}` }),
  };
  const chain = awsconn.createResolver({ sources: [{ type: "env" }, { type: "file", path: file }, memory] });
  const alone = awsconn.createResolver({ sources: [memory] });
  const env = fromEnv();
  const fileSource = fromFile({ path: file });
  const cases = {
    "resolver [env, file, memory], cold (incl. invalidate)": () => {
      chain.invalidate(ID);
      return chain.get(ID);
    },
    "resolver [memory], cold (incl. invalidate)": () => {
      alone.invalidate(ID);
      return alone.get(ID);
    },
    "parseConnectionJson alone": async () => parseConnectionJson(json, ID),
    "env source get (miss)": () => env.get(ID),
    "file source get (miss)": () => fileSource.get(ID),
  };
  const out = {};
  for (const [name, fn] of Object.entries(cases)) {
    const xs = [];
    for (let i = 0; i < 3000; i++) {
      const t0 = process.hrtime.bigint();
      await fn();
      if (i >= 500) xs.push(Number(process.hrtime.bigint() - t0) / 1e3);
    }
    out[name] = round(median(xs), 3);
  }
  return out;
}

async function run(ctx) {
  const endpoint = ctx.motoEndpoint;
  // A file source with 20 other connections (the id is not in it), as a real chain would have.
  const dir = mkdtempSync(join(tmpdir(), "awsconn-bench-"));
  const file = join(dir, "connections.json");
  const others = Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [`file_conn_${i}`, JSON.parse(connectionJson(100 + i))]),
  );
  writeFileSync(file, JSON.stringify(others, null, 2));
  chmodSync(file, 0o600); // it holds secrets (the file source warns otherwise)

  const raw = smClient(endpoint);
  const sides = [
    {
      name: "raw SDK GetSecretValue",
      fn: async () => {
        const out = await raw.send(new GetSecretValueCommand({ SecretId: SM_PREFIX + ID }));
        if (!out.SecretString) throw new Error("no SecretString");
      },
    },
  ];
  if (ctx.awsconn) {
    const resolver = ctx.awsconn.createResolver({
      sources: [
        { type: "env" },
        { type: "file", path: file },
        { type: "secretsmanager", endpoint, region: REGION },
      ],
      cache: { ttlSeconds: 300 },
    });
    sides.unshift({
      name: "awsconn",
      // Cold: the id is dropped from the cache before each (timed) lookup; the SDK client stays
      // warm, as the raw side's does.
      reset: () => resolver.invalidate(ID),
      fn: async () => {
        const c = await resolver.get(ID);
        if (!c.host?.startsWith("db-00002")) throw new Error("unexpected connection");
      },
    });
  }
  for (let i = 0; i < WARMUP; i++) {
    for (const side of sides) {
      side.reset?.();
      await side.fn();
    }
  }
  const samples = new Map(sides.map((s) => [s.name, []]));
  // CPU time of this process per lookup (summed, then divided: one lookup is near the
  // microsecond resolution of process.cpuUsage). On a loaded machine every µs of CPU a lookup
  // needs after its response arrives can cost several µs of wall time waiting for a core.
  const cpuUs = new Map(sides.map((s) => [s.name, 0]));
  for (let i = 0; i < SAMPLES; i++) {
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      side.reset?.();
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await side.fn();
      samples.get(side.name).push(Number(process.hrtime.bigint() - t0) / 1e6);
      const c = process.cpuUsage(c0);
      cpuUs.set(side.name, cpuUs.get(side.name) + c.user + c.system);
    }
  }
  const loadAverage = Number(os.loadavg()[0].toFixed(2));
  raw.destroy();
  const breakdownUs = ctx.awsconn ? await inProcessBreakdown(ctx.awsconn, file) : undefined;
  const result = sides.map((s) => ({
    name: s.name,
    ms: summary(samples.get(s.name)),
    cpuUsPerLookup: round(cpuUs.get(s.name) / SAMPLES, 4),
  }));
  const a = samples.get("awsconn");
  const r = samples.get("raw SDK GetSecretValue");
  // Each awsconn lookup is paired with the raw call made right next to it (same machine state);
  // the overhead is the median of the per-pair overheads. The ratio of the two medians is kept too.
  const overhead = a ? median(a.map((x, i) => x / r[i] - 1)) : undefined;
  const ratioOfMedians = a ? median(a) / median(r) - 1 : undefined;
  const paired = a ? median(a.map((x, i) => x - r[i])) : undefined;
  const cpuOver = a ? result[0].cpuUsPerLookup / result[1].cpuUsPerLookup - 1 : undefined;
  return {
    method: `${SAMPLES} cold lookups per side after ${WARMUP} warm-up ones, the two sides alternating lookup by lookup; the id is dropped from the awsconn resolver's cache (invalidate) before each lookup, outside the timed section (its SDK client stays warm, like the raw side's). Chain: env (id not set), file (.json with 20 other connections), secretsmanager. Overhead = the median over the ${SAMPLES} pairs (each awsconn lookup and the raw call made right next to it) of awsconn / raw - 1; the ratio of the two sides' medians is also given. CPU µs per lookup: process.cpuUsage() summed over the lookups of a side, divided by their number. 1-minute load average at the end of the lookups: ${loadAverage}.`,
    sides: result,
    ratio: overhead !== undefined && {
      label: "awsconn / raw latency, median of pairs",
      value: round(1 + overhead, 4),
    },
    ratioOfMedians: ratioOfMedians !== undefined ? round(1 + ratioOfMedians, 4) : undefined,
    pairedMedianDifferenceMs: paired !== undefined ? round(paired, 3) : undefined,
    breakdownUs,
    target: `median overhead at most ${OVERHEAD_TARGET * 100}%, CPU per lookup at most ${CPU_TARGET * 100}% over the raw call`,
    checks: overhead !== undefined ? checksOf(overhead, cpuOver, result) : undefined,
    met: overhead !== undefined ? overhead <= OVERHEAD_TARGET && cpuOver <= CPU_TARGET : null,
    missedBy:
      overhead !== undefined
        ? [
            overhead > OVERHEAD_TARGET &&
              `latency ${round((overhead - OVERHEAD_TARGET) * 100, 3)} percentage points over ${OVERHEAD_TARGET * 100}%`,
            cpuOver > CPU_TARGET &&
              `CPU ${round((cpuOver - CPU_TARGET) * 100, 3)} percentage points over ${CPU_TARGET * 100}%`,
          ]
            .filter(Boolean)
            .join("; ") || undefined
        : undefined,
    verdict:
      overhead !== undefined
        ? `overhead ${round(overhead * 100, 3)}% (median of pairs; ratio of medians ${round(ratioOfMedians * 100, 3)}%; ${round(paired * 1000, 3)} µs median difference); CPU per lookup ${result[0].cpuUsPerLookup} µs vs ${result[1].cpuUsPerLookup} µs (+${round(cpuOver * 100, 3)}%)`
        : "awsconn not available",
    chart: {
      subtitle: "median latency of one cold lookup (moto on loopback)",
      panels: [
        {
          label: "median latency",
          unit: "ms",
          better: "lower",
          target: round(median(r) * (1 + OVERHEAD_TARGET), 4),
          bars: result.map((s) => ({ name: s.name, value: s.ms.median })),
        },
        ...(overhead !== undefined
          ? [
              {
                label: "overhead over the raw call (median of pairs)",
                unit: "%",
                better: "lower",
                target: OVERHEAD_TARGET * 100,
                bars: [{ name: "awsconn", value: round(Math.max(0, overhead * 100), 3) }],
              },
            ]
          : []),
        {
          label: "CPU of this process per lookup",
          unit: "µs",
          better: "lower",
          bars: result.map((s) => ({ name: s.name, value: s.cpuUsPerLookup })),
        },
      ],
    },
  };
}

function checksOf(overhead, cpuOver, result) {
  return [
    {
      name: "latency",
      target: `median overhead over one raw GetSecretValue at most ${OVERHEAD_TARGET * 100}%`,
      result: `${round(overhead * 100, 3)}% (median of pairs)`,
      met: overhead <= OVERHEAD_TARGET,
    },
    {
      name: "CPU",
      target: `CPU per lookup at most ${CPU_TARGET * 100}% over the raw call`,
      result: `+${round(cpuOver * 100, 3)}% (${result[0].cpuUsPerLookup} µs vs ${result[1].cpuUsPerLookup} µs)`,
      met: cpuOver <= CPU_TARGET,
    },
  ];
}
