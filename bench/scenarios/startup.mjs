// Scenario 5. Start-up: a fresh `node` process resolving one env connection through awsconn,
// wall time relative to `node -e 0`, and the @aws-sdk/* modules it loaded (target 0);
// the same for a process importing Powertools' secrets subpath.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { retryMissingModule } from "../lib/retry.mjs";
import { median, round, summary } from "../lib/stats.mjs";

const RUNS = 9;
const IMPORT_RUNS = 3;
// What awsconn's start-up is made of: the import time of each of these alone, in a fresh process.
const IMPORTS = [
  "zod",
  "yaml",
  "lru-cache",
  "@awsconn/core",
  "@awsconn/source-file",
  "awsconn",
  "@aws-lambda-powertools/parameters/secrets",
];
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const scenario = {
  id: "5-startup",
  title: "Start-up: fresh node process",
  seed: { secrets: [], parameters: [] },
  run,
};

function runNode(args, extraEnv = {}) {
  return retryMissingModule(() => runNodeOnce(args, extraEnv));
}

function runNodeOnce(args, extraEnv) {
  const env = {
    ...process.env,
    ...extraEnv,
    AIRFLOW_CONN_BENCH_ENV: "postgres://svc:pw@db.example.internal:5432/app",
  };
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "ignore", "pipe"],
      env,
      cwd: here("../"),
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}: ${err}`));
      else resolve(ms);
    });
  });
}

function traced(args) {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-bench-trace-"));
  const log = join(dir, "modules.log");
  writeFileSync(log, "");
  return runNode(["--import", here("../startup/trace.mjs"), ...args], { BENCH_TRACE_LOG: log }).then(() => {
    const files = new Set(
      readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => l.slice(4).replace(/^file:\/\//, ""))
        .filter((f) => !f.startsWith("node:") && !f.endsWith("/startup/trace.mjs")),
    );
    const all = [...files];
    const inPkg = (scope) => all.filter((f) => f.includes(`/node_modules/${scope}/`));
    const packages = (scope) =>
      new Set(inPkg(scope).map((f) => f.split(`/node_modules/${scope}/`)[1].split("/")[0])).size;
    // Modules per package (workspace packages by their folder), largest first.
    const byPackage = {};
    for (const f of all) {
      const m = f.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//) ?? f.match(/\/packages\/([^/]+)\/dist\//);
      const key = m ? m[1] : "other";
      byPackage[key] = (byPackage[key] ?? 0) + 1;
    }
    const topPackages = Object.fromEntries(
      Object.entries(byPackage)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8),
    );
    return {
      topPackages,
      modules: all.length,
      awsSdkModules: inPkg("@aws-sdk").length,
      awsSdkPackages: packages("@aws-sdk"),
      smithyModules: inPkg("@smithy").length,
    };
  });
}

/** Median ms of `await import(specifier)` alone in a fresh process (module evaluation included). */
async function importTime(specifier) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const xs = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const out = await retryMissingModule(
      () =>
        new Promise((resolve, reject) =>
          execFile(
            process.execPath,
            ["--input-type=module", "-e", code],
            { cwd: here("../") },
            (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
          ),
        ),
    );
    xs.push(Number(out));
  }
  return round(median(xs), 3);
}

async function run(ctx) {
  const sides = [{ name: "node -e 0 (baseline)", args: ["-e", "0"] }];
  if (ctx.awsconn)
    sides.push({ name: "awsconn: resolve one env connection", args: [here("../startup/awsconn-env.mjs")] });
  sides.push({
    name: "Powertools: import parameters/secrets",
    args: [here("../startup/powertools-secrets.mjs")],
  });
  for (const side of sides) await runNode(side.args); // warm the file system cache
  const samples = new Map(sides.map((s) => [s.name, []]));
  for (let r = 0; r < RUNS; r++)
    for (const side of sides) samples.get(side.name).push(await runNode(side.args));
  const base = median(samples.get(sides[0].name));
  const result = [];
  for (const side of sides) {
    const ms = samples.get(side.name);
    const entry = {
      name: side.name,
      wallMs: summary(ms),
      relativeToBaseline: round(median(ms) / base, 3),
      extraMs: round(median(ms) - base, 3),
    };
    if (side !== sides[0]) Object.assign(entry, await traced(side.args));
    result.push(entry);
  }
  const importMs = {};
  for (const m of IMPORTS) if (ctx.awsconn || !m.includes("awsconn")) importMs[m] = await importTime(m);
  const a = result.find((s) => s.name.startsWith("awsconn"));
  const p = result.find((s) => s.name.startsWith("Powertools"));
  return {
    method: `${RUNS} runs of each process, interleaved, wall time from spawn to exit, medians; then one more run of each with a module-tracing --import hook (ES modules via a load hook, CommonJS via require.cache at exit) to count the modules loaded. Timed runs carry no hook. Finally, for the breakdown, the time of \`await import(x)\` alone in a fresh process, median of ${IMPORT_RUNS}, for each of ${IMPORTS.join(", ")} (they overlap: awsconn includes zod, yaml, lru-cache and the @awsconn packages).`,
    sides: result,
    importMs,
    ratio: a && { label: "awsconn process / node -e 0 wall time", value: a.relativeToBaseline },
    target: "0 @aws-sdk/* modules loaded when resolving an env connection",
    met: a ? a.awsSdkModules === 0 : null,
    missedBy: a?.awsSdkModules > 0 ? `${a.awsSdkModules} @aws-sdk modules instead of 0` : undefined,
    verdict: a
      ? `${a.awsSdkModules} @aws-sdk modules (Powertools: ${p.awsSdkModules}); ${a.relativeToBaseline}x node -e 0 (+${a.extraMs} ms; Powertools ${p.relativeToBaseline}x, +${p.extraMs} ms)`
      : "awsconn not available",
    chart: {
      subtitle: "fresh node process; baseline node -e 0",
      panels: [
        {
          label: "wall time (median)",
          unit: "ms",
          better: "lower",
          bars: result.map((s) => ({ name: s.name, value: s.wallMs.median })),
        },
        {
          label: "@aws-sdk/* modules loaded",
          unit: "modules",
          better: "lower",
          target: 0,
          bars: result.slice(1).map((s) => ({ name: s.name, value: s.awsSdkModules })),
        },
      ],
    },
  };
}
