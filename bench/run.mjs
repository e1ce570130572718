// `npm run bench`: starts one moto server (and a counting proxy in front of it), seeds it, runs
// every scenario with awsconn and its peers side by side, and writes results.json, one SVG per
// scenario and README.md (and the table of the root README). `node run.mjs --only 5,8` (or
// `node run.mjs 5 8`) runs only those scenarios, merged into the results of the last full run.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { startCountingProxy } from "./lib/countingProxy.mjs";
import { benchEnv, seed } from "./lib/fixtures.mjs";
import { installedVersion } from "./lib/installedVersion.mjs";
import { startMotoServer } from "./lib/moto.mjs";
import { render } from "./lib/render.mjs";
import { waitForBuilds } from "./lib/retry.mjs";
import { scenario as burst } from "./scenarios/burst.mjs";
import { scenario as coldLookup } from "./scenarios/coldLookup.mjs";
import { scenario as credentialProcess } from "./scenarios/credentialProcess.mjs";
import { scenario as credentials } from "./scenarios/credentials.mjs";
import { scenario as installFootprint } from "./scenarios/installFootprint.mjs";
import { scenario as lambdaBundle } from "./scenarios/lambdaBundle.mjs";
import { scenario as memory } from "./scenarios/memory.mjs";
import { scenario as preload } from "./scenarios/preload.mjs";
import { scenario as startup } from "./scenarios/startup.mjs";
import { scenario as warmHit } from "./scenarios/warmHit.mjs";

// Every scenario, in the order of the tables. A scenario is { id: "<n>-<slug>", title, seed, run };
// `--only` selects by the part of the id before the first "-".
const ALL = [
  warmHit,
  coldLookup,
  burst,
  preload,
  startup,
  credentials,
  memory,
  credentialProcess,
  lambdaBundle,
  installFootprint,
];
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const require = createRequire(import.meta.url);

// `node run.mjs fleet [fleet|misses|rotation]`: the fleet benchmark of issue 18 instead (fleet/README.md).
if (process.argv[2] === "fleet")
  process.exit(await (await import("./fleet/run.mjs")).runFleetBench({ parts: process.argv.slice(3) }));
const only = selection(process.argv.slice(2));
const selected = only.length > 0 ? ALL.filter((s) => only.includes(s.id.split("-")[0])) : ALL;
if (only.length > 0 && selected.length === 0) {
  console.error(`bench: no scenario matches ${only.join(", ")}; ids: ${ALL.map((s) => s.id).join(", ")}`);
  process.exit(2);
}

benchEnv();
const started = process.hrtime.bigint();
const loadAtStart = os.loadavg().map((x) => Number(x.toFixed(2)));

let awsconn = null;
let awsconnError;
try {
  const workspace = [
    "@awsconn/core",
    "@awsconn/source-env",
    "@awsconn/source-file",
    "@awsconn/source-secrets-manager",
    "@awsconn/source-ssm",
    "@awsconn/credentials",
    "awsconn",
  ];
  const unbuilt = await waitForBuilds(workspace, require);
  if (unbuilt.length > 0) throw new Error(`not built: ${unbuilt.join(", ")}`);
  awsconn = await import("awsconn");
  // Load now what awsconn would load lazily, so a rebuild of a workspace package during the run
  // cannot break a scenario half-way (module loading is never inside a timed section anyway).
  await Promise.all(workspace.map((m) => import(m)));
  if (typeof awsconn.createResolver !== "function")
    throw new Error("awsconn has no createResolver export (not built yet?)");
} catch (error) {
  awsconnError = error.message.split("\n")[0];
  awsconn = null;
  if (process.env.BENCH_PEERS_ONLY !== "1") {
    console.error(
      `bench: awsconn is not available (${awsconnError}); run \`npm run build\` first (BENCH_PEERS_ONLY=1 measures the peers alone)`,
    );
    process.exit(1);
  }
  console.error(`bench: awsconn is not available (${awsconnError}); measuring the peers only`);
}

let moto;
let proxy;
let interrupted = false;
const stop = async () => {
  await proxy?.close().catch(() => {});
  await moto?.stop().catch(() => {});
};
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping moto; results are not written`);
    interrupted = true;
    stop().finally(() => process.exit(130));
  });
}

const results = [];
try {
  moto = await startMotoServer();
  proxy = await startCountingProxy(moto.endpoint);
  console.error(`bench: moto at ${moto.endpoint} (${moto.via}), counting proxy at ${proxy.endpoint}`);
  const secrets = selected.flatMap((s) => s.seed.secrets);
  const parameters = selected.flatMap((s) => s.seed.parameters);
  await seed(moto.endpoint, { secrets, parameters });
  const ctx = { awsconn, motoEndpoint: moto.endpoint, proxy };
  for (const s of selected) {
    const t0 = process.hrtime.bigint();
    console.error(`bench: ${s.id} ...`);
    let result;
    try {
      result = await s.run(ctx);
    } catch (error) {
      console.error(error);
      result = {
        error: String(error?.stack ?? error)
          .split("\n")
          .slice(0, 3)
          .join(" | "),
        met: false,
        target: s.target,
        verdict: "failed to run",
      };
    }
    const { cleanup, ...rest } = result;
    await cleanup?.();
    const entry = {
      id: s.id,
      title: s.title,
      seconds: Number((Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)),
      ...rest,
    };
    if (entry.chart) entry.svg = `${s.id}.svg`;
    results.push(entry);
    console.error(
      `bench: ${s.id}: ${entry.met === true ? "MET" : entry.met === false ? "MISSED" : (entry.met ?? "n/a")} - ${entry.verdict} (${entry.seconds} s)`,
    );
  }
} finally {
  await stop();
}

if (interrupted) await new Promise(() => {}); // the signal handler exits once moto is stopped
const previous =
  only.length > 0 && existsSync(here("./results.json"))
    ? JSON.parse(readFileSync(here("./results.json"), "utf8"))
    : undefined;
const merged = ALL.map(
  (s) => results.find((r) => r.id === s.id) ?? previous?.scenarios.find((r) => r.id === s.id),
).filter(Boolean);
const out = {
  generatedAt: new Date().toISOString(),
  totalSeconds: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)),
  partialRun: only.length > 0 ? only : undefined,
  awsconnAvailable: awsconn !== null,
  awsconnError,
  machine: machine(),
  scenarios: merged,
};
writeFileSync(here("./results.json"), `${JSON.stringify(out, null, 2)}\n`);
render(out);
printTable(merged);
console.error(
  `bench: done in ${out.totalSeconds} s; wrote bench/results.json, bench/*.svg, bench/README.md and the root README's table`,
);

/** `--only 5,8`, `--only=5,8` or bare `5 8`: the id prefixes to run (none: all). */
function selection(args) {
  const picked = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const list = a === "--only" ? args[++i] : a.startsWith("--only=") ? a.slice(7) : a;
    picked.push(
      ...String(list ?? "")
        .split(",")
        .filter(Boolean),
    );
  }
  return picked;
}

function machine() {
  const cpus = os.cpus();
  let moto;
  for (const py of [
    process.env.AWSCONN_VENV && `${process.env.AWSCONN_VENV}/bin/python`,
    here("../.venv/bin/python"),
  ]) {
    if (!py || !existsSync(py)) continue;
    try {
      moto = execFileSync(py, ["-c", "import moto; print(moto.__version__)"], { encoding: "utf8" }).trim();
      break;
    } catch {}
  }
  return {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage1mAtStart: loadAtStart[0],
    loadAverage1mAtEnd: Number(os.loadavg()[0].toFixed(2)),
    moto,
    versions: {
      awsconn: installedVersion("awsconn"),
      "@aws-lambda-powertools/parameters": installedVersion("@aws-lambda-powertools/parameters"),
      "@aws-sdk/client-secrets-manager": installedVersion("@aws-sdk/client-secrets-manager"),
      "@aws-sdk/client-ssm": installedVersion("@aws-sdk/client-ssm"),
      "@aws-sdk/client-sts": installedVersion("@aws-sdk/client-sts"),
      "@aws-sdk/credential-providers": installedVersion("@aws-sdk/credential-providers"),
      "@aws-sdk/client-s3": installedVersion("@aws-sdk/client-s3"),
      esbuild: installedVersion("esbuild"),
    },
  };
}

function printTable(rows) {
  console.log("\nscenario              | target met | result");
  console.log("----------------------|------------|-------");
  for (const r of rows)
    console.log(
      `${r.id.padEnd(22)}| ${String(r.met === true ? "yes" : r.met === false ? "NO" : (r.met ?? "n/a")).padEnd(11)}| ${r.verdict}`,
    );
}
