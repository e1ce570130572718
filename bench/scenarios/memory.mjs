// Scenario 7. Memory: heap bytes per cached connection after caching 10,000 connections.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { retryMissingModule } from "../lib/retry.mjs";
import { median, round } from "../lib/stats.mjs";

const RUNS = 2;
const TARGET_BYTES = 400;
const child = fileURLToPath(new URL("../memory/child.mjs", import.meta.url));

export const scenario = {
  id: "7-memory",
  title: "Memory: heap bytes per cached connection (10,000 cached)",
  seed: { secrets: [], parameters: [] },
  run,
};

function measure(side) {
  return retryMissingModule(() => measureOnce(side));
}

function measureOnce(side) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", child, side],
      { cwd: fileURLToPath(new URL("..", import.meta.url)) },
      (err, out, stderr) =>
        err ? reject(new Error(`${side}: ${err.message}\n${stderr}`)) : resolve(JSON.parse(out)),
    );
  });
}

async function run(ctx) {
  const names = ctx.awsconn
    ? ["awsconn", "powertools", "connections", "createConnection", "plain"]
    : ["powertools"];
  const breakdown = new Set(["connections", "createConnection", "plain"]);
  const runs = new Map(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++) {
    // The breakdown parts are measured once; the two sides RUNS times.
    for (const n of names) if (r === 0 || !breakdown.has(n)) runs.get(n).push(await measure(n));
  }
  const label = {
    awsconn: "awsconn",
    powertools: "Powertools (custom BaseProvider)",
    connections: "part: awsconn Connection (parseConnectionJson)",
    createConnection: "part: createConnection() of the same fields",
    plain: "reference: plain object of the same fields",
  };
  const sides = names.map((n) => ({
    name: label[n],
    bytesPerConnection: round(median(runs.get(n).map((x) => x.bytesPerConnection)), 4),
    samples: runs.get(n).map((x) => round(x.bytesPerConnection, 4)),
    allCached: runs.get(n).every((x) => x.cachedAll),
  }));
  const a = sides.find((s) => s.name === "awsconn");
  const p = sides.find((s) => s.name.startsWith("Powertools"));
  return {
    method: `A fresh \`node --expose-gc\` process per side and run (${RUNS} runs, median): 10,000 connections (Airflow JSON, ~220 bytes each) are cached through the side's own get() from the same in-memory backend, which answers each read with a new copy of the text (as each SDK response is a new string), then each is read once more from the cache, as a service does; heapUsed after forced GC, minus heapUsed before, divided by 10,000. awsconn's side is its resolver over its own Secrets Manager source, given a client object that answers GetSecretValue from that backend (with a VersionId); Powertools' side is a custom BaseProvider over it. A third pass checks that every id is served from the cache. The "part"/"reference" bars (measured once) keep the same 10,000 objects in a Map without any resolver: what \`parseConnectionJson\` returns, what \`createConnection()\` makes of the same fields, and a plain object of those fields.`,
    sides,
    ratio: a && {
      label: "awsconn / Powertools bytes per connection",
      value: round(a.bytesPerConnection / p.bytesPerConnection, 3),
    },
    target: `at most ${TARGET_BYTES} B per cached connection (10,000 cached), every side keeping all of them`,
    met: !a ? null : sides.every((s) => s.allCached) && a.bytesPerConnection <= TARGET_BYTES,
    missedBy:
      a && a.bytesPerConnection > TARGET_BYTES
        ? `${Math.round(a.bytesPerConnection - TARGET_BYTES)} B over ${TARGET_BYTES} B`
        : undefined,
    verdict: a
      ? `${Math.round(a.bytesPerConnection)} B per connection (Powertools ${Math.round(p.bytesPerConnection)} B)`
      : "awsconn not available",
    chart: {
      subtitle: "heap growth per cached connection, 10,000 cached",
      panels: [
        {
          label: "heap per cached connection",
          unit: "bytes",
          better: "lower",
          target: TARGET_BYTES,
          bars: sides.map((s) => ({ name: s.name, value: s.bytesPerConnection })),
        },
      ],
    },
  };
}
