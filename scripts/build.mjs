// `npm run build`: every workspace package with a tsconfig.build.json, ESM + CommonJS, into dist/.
//
// One `tsc --build` process over all packages, in dependency order (read from the package.json
// files), so the AWS SDK's declarations are parsed once rather than once per package; incremental, so a
// second run with nothing changed takes a fraction of a second. Then each package's CommonJS copy
// (scripts/build-package.mjs), and for a published package one esbuild bundle per entry point, ESM
// and CommonJS (scripts/bundlePackage.mjs). Prints one line per package as it goes. `npx turbo run build` (one
// process per package) still works and gives the same dist/.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { TSC, finishPackage } from "./build-package.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/**
 * The workspace packages that have a tsconfig.build.json, dependencies first.
 *
 * @example
 * ```js
 * buildOrder("/repo"); // [{ name: "@awsconn/core", dir: "/repo/packages/core" }, ...]
 * ```
 */
export function buildOrder(repoRoot) {
  const all = new Map();
  for (const entry of readdirSync(join(repoRoot, "packages"))) {
    const dir = join(repoRoot, "packages", entry);
    if (!existsSync(join(dir, "tsconfig.build.json"))) continue;
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
    all.set(pkg.name, { name: pkg.name, dir, deps });
  }
  const order = [];
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting")
      throw new Error(`build: dependency cycle ${[...path, name].join(" -> ")}`);
    state.set(name, "visiting");
    const pkg = all.get(name);
    for (const dep of pkg.deps) if (all.has(dep)) visit(dep, [...path, name]);
    state.set(name, "done");
    order.push({ name: pkg.name, dir: pkg.dir });
  };
  for (const name of [...all.keys()].sort()) visit(name, []);
  return order;
}

/** Runs `tsc --build --verbose` over the packages, turning its chatter into one progress line per package. */
function tscBuild(packages) {
  const byConfig = new Map(packages.map((p) => [join(p.dir, "tsconfig.build.json"), p.name]));
  const args = [
    TSC,
    "--build",
    "--verbose",
    ...packages.map((p) => relative(root, join(p.dir, "tsconfig.build.json"))),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let pending = "";
    const onLine = (line) => {
      const building = /Building project '([^']+)'/.exec(line);
      if (building) {
        console.log(`build: ${byConfig.get(building[1]) ?? building[1]} (tsc) at ${seconds()}`);
        return;
      }
      // The rest of --verbose: "Projects in this build", "Project ... is up to date / out of date ...".
      if (/^\s*(\* |$)|^(\d|\[)|Projects in this build|is (up to date|out of date)/.test(line)) return;
      console.log(line);
    };
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (pending) onLine(pending);
      if (code === 0) resolve();
      else reject(new Error(`tsc --build exited with ${code}`));
    });
  });
}

const packages = buildOrder(root);
console.log(
  `build: ${packages.length} packages, ESM + CommonJS (one tsc --build; unchanged packages are skipped)`,
);
try {
  await tscBuild(packages);
  for (const p of packages) finishPackage(p.dir);
  console.log(`build: done in ${seconds()}`);
} catch (error) {
  console.error(
    `build: failed after ${seconds()}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
