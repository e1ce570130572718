// The runtime JavaScript of a published package: one esbuild bundle per entry point its package.json
// `exports` (and the CLI's bin) name, ESM into dist/esm and CommonJS into dist/cjs, built from src/
// (tsc --build still type-checks and writes the declarations beside them). Node then loads one file
// per entry instead of one per source file, which is most of what a fresh process pays for `import
// "awsconn"`. Every other package (the workspace's own and npm's) stays external, so each package is
// loaded once, `instanceof` and the error classes are shared, and a lazy `import("@aws-sdk/...")`
// stays lazy. The ESM build splits code shared by entries (and lazily imported `./x.js`) into
// chunks/; the CommonJS build inlines it (esbuild still runs a lazily imported module only when asked).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { writeIfChanged } from "./writeIfChanged.mjs";

const require = createRequire(import.meta.url);

/** What `import.meta.url` becomes in the CommonJS bundle (defined by its first line). */
const META_URL = "__awsconnImportMetaUrl";

/**
 * The entry points of a package: the source stems (paths under src/ without `.ts`) its `exports`
 * name for `import` and for `require`, plus `bins` for ESM.
 *
 * @example
 * ```js
 * entryPoints(manifest, ["bin"]); // { esm: ["index", "bin"], cjs: ["index"] }
 * ```
 */
export function entryPoints(manifest, bins = []) {
  const esm = new Set();
  const cjs = new Set();
  const visit = (value) => {
    if (typeof value === "string") {
      const stem = /^\.\/dist\/(esm|cjs)\/(.+)\.js$/.exec(value);
      if (stem) (stem[1] === "esm" ? esm : cjs).add(stem[2]);
      return;
    }
    if (value && typeof value === "object") for (const v of Object.values(value)) visit(v);
  };
  visit(manifest.exports ?? {});
  for (const bin of bins) esm.add(bin);
  return { esm: [...esm], cjs: [...cjs] };
}

/**
 * Bundles the package in `dir` (sources under `rootDir`) into `esm` and `cjs`, writing only files
 * whose content changed. Returns the paths written, relative to their dist folder.
 *
 * @example
 * ```js
 * const { esm, cjs } = bundlePackage("packages/core", { rootDir, esm: "dist/esm", cjs: "dist/cjs", target: "es2022" });
 * ```
 */
export function bundlePackage(dir, { rootDir, esm, cjs, target, bins = [] }) {
  const esbuild = require("esbuild");
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const entries = entryPoints(
    manifest,
    bins.filter((b) => existsSync(join(rootDir, `${b}.ts`))),
  );
  const common = {
    absWorkingDir: resolve(dir),
    bundle: true,
    platform: "node",
    target,
    packages: "external",
    // Class and function names are part of the API (error names, util.inspect output).
    keepNames: true,
    sourcemap: true,
    sourcesContent: false,
    tsconfig: join(dir, "tsconfig.build.json"),
    logLevel: "warning",
    write: false,
  };
  const entry = (stem) => ({ in: join(rootDir, `${stem}.ts`), out: stem });
  const outputs = (result, outdir) =>
    result.outputFiles.map((file) => {
      writeIfChanged(file.path, file.text);
      return relative(outdir, file.path).split("\\").join("/");
    });
  const esmResult = esbuild.buildSync({
    ...common,
    entryPoints: entries.esm.map(entry),
    outdir: esm,
    format: "esm",
    splitting: true,
    // As in tsc's ESM output: no `require` in an ES module (requireZod/requireYaml then use
    // createRequire), rather than esbuild's stand-in that throws for a package it did not bundle.
    define: { require: "undefined" },
    chunkNames: "chunks/[name]-[hash]",
  });
  const cjsResult = esbuild.buildSync({
    ...common,
    entryPoints: entries.cjs.map(entry),
    outdir: cjs,
    format: "cjs",
    define: { "import.meta.url": META_URL },
    banner: { js: `var ${META_URL} = require("node:url").pathToFileURL(__filename).href;` },
  });
  return { esm: outputs(esmResult, esm), cjs: outputs(cjsResult, cjs) };
}
