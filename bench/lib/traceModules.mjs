// Counts the modules a probe process loads: one more run of it with the tracing --import hook of
// startup/trace.mjs (ES modules via a load hook, CommonJS via require.cache at exit). Timed runs
// never carry the hook.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { timeNode } from "./timeNode.mjs";

const hook = fileURLToPath(new URL("../startup/trace.mjs", import.meta.url));

/**
 * @param {string[]} args the probe's node arguments
 * @param {{ env?: object, cwd?: string }} [options]
 * @returns {Promise<{ modules: number, awsSdkModules: number, awsSdkPackages: number, smithyModules: number, topPackages: Record<string, number> }>}
 */
export async function traceModules(args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-bench-trace-"));
  const log = join(dir, "modules.log");
  writeFileSync(log, "");
  await timeNode(["--import", hook, ...args], {
    ...options,
    env: { ...(options.env ?? process.env), BENCH_TRACE_LOG: log },
  });
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
}
