// The runtime JavaScript of a published package: one esbuild bundle per entry point its package.json
// `exports` (and the CLI's bin) name, ESM into dist/esm and CommonJS into dist/cjs, built from src/
// (tsc --build still type-checks and writes the declarations beside them). Node then loads one file
// per entry instead of one per source file, which is most of what a fresh process pays for `import
// "awsconn"`. Every other package (the workspace's own and npm's) stays external, so each package is
// loaded once, `instanceof` and the error classes are shared, and a lazy `import("@aws-sdk/...")`
// stays lazy. The one exception is a package's `inlined` list (package.json): workspace packages
// bundled from their sources into this one, because every process that loads this package loads
// them too and each ES module costs a fresh process its own resolution, read and link (the facade
// inlines its two local sources: `import "awsconn"` loads 2 modules instead of 4). Only packages
// whose classes no other package checks with `instanceof` may be inlined. The ESM build splits code
// shared by entries (and lazily imported `./x.js`) into chunks/; the CommonJS build inlines it
// (esbuild still runs a lazily imported module only when asked). Entries a package lists in
// `bundledApart` share no chunk with the others (each is a bundle of its own).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { writeIfChanged } from "./writeIfChanged.mjs";
import { MINIFY_OPTIONS } from "./minifyOptions.mjs";

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
  if (manifest.inlined?.length) common.alias = Object.fromEntries(inlinedEntries(dir, manifest.inlined));
  const entry = (stem) => ({ in: join(rootDir, `${stem}.ts`), out: stem });
  const outputs = (files, outdir) =>
    files.map((file) => {
      writeIfChanged(file.path, file.text);
      return relative(outdir, file.path).split("\\").join("/");
    });
  // Entries in the package's `bundledApart` list are bundled each on its own, sharing no chunk with
  // the others: `import "awsconn"` stays one module although awsconn/compose holds the same composer.
  const apart = new Set(manifest.bundledApart ?? []);
  const groups = [entries.esm.filter((stem) => !apart.has(stem)), ...[...apart].map((stem) => [stem])];
  const esmResult = {
    outputFiles: groups
      .filter((group) => group.length > 0)
      .flatMap(
        (group) =>
          esbuild.buildSync({
            ...common,
            entryPoints: group.map(entry),
            outdir: esm,
            format: "esm",
            splitting: true,
            chunkNames: "chunks/[name]-[hash]",
          }).outputFiles,
      ),
  };
  // requireZod/requireYaml read `typeof require === "function" ? require("zod") : createRequire(...)`.
  // In an ES module esbuild turns both `require`s into its stand-in `__require`, which is always a
  // function and throws for a package it did not bundle; give them back the plain `require` (absent
  // in a Node ES module, so createRequire is used), which also leaves a literal `require("zod")` for
  // an app's own bundler to bundle (with it defined away, a bundled app found no zod at run time).
  const plainRequire = (text) =>
    text.replaceAll(
      'typeof __require === "function" ? __require(',
      'typeof require === "function" ? require(',
    );
  const esmFiles = minified(
    esbuild,
    esmResult.outputFiles.map((f) => ({ path: f.path, text: plainRequire(f.text) })),
    target,
  );
  const cjsResult = esbuild.buildSync({
    ...common,
    ...MINIFY_OPTIONS,
    entryPoints: entries.cjs.map(entry),
    outdir: cjs,
    format: "cjs",
    define: { "import.meta.url": META_URL },
    banner: { js: `var ${META_URL} = require("node:url").pathToFileURL(__filename).href;` },
  });
  return { esm: outputs(esmFiles, esm), cjs: outputs(cjsResult.outputFiles, cjs) };
}

/**
 * The ES module files minified (names kept: the first pass's `__name` calls set them), each with a
 * source map that still leads to src/ (the first pass's map, given inline, is chained). A second
 * pass, because the first pass's text is edited (`plainRequire`) and a minifier would rename the
 * `__require` that edit looks for. Minified (lines cut, scripts/minifyOptions.mjs), `import "awsconn"` compiles 179 kB instead of 313 kB
 * (awsconn and core), about 4% of a fresh process that resolves one env connection.
 *
 * @param {typeof import("esbuild")} esbuild
 * @param {{ path: string, text: string }[]} files the first pass's output: `.js` files and their `.map`s
 * @param {string} target
 */
function minified(esbuild, files, target) {
  const maps = new Map(files.filter((f) => f.path.endsWith(".map")).map((f) => [f.path, f.text]));
  return files.flatMap((file) => {
    if (!file.path.endsWith(".js")) return maps.has(file.path) ? [] : [file];
    const map = maps.get(`${file.path}.map`);
    const inline = map
      ? file.text.replace(
          /\/\/# sourceMappingURL=\S+\s*$/,
          `//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString("base64")}\n`,
        )
      : file.text;
    const result = esbuild.buildSync({
      stdin: {
        contents: inline,
        sourcefile: basename(file.path),
        resolveDir: dirname(file.path),
        loader: "js",
      },
      outfile: file.path,
      format: "esm",
      platform: "node",
      target,
      ...MINIFY_OPTIONS,
      sourcemap: map !== undefined,
      sourcesContent: false,
      // The edited require("yaml") and require("lru-cache") calls stay as they are, for an app's bundler.
      logOverride: { "unsupported-require-call": "silent" },
      logLevel: "warning",
      write: false,
    });
    return result.outputFiles.map((f) => ({ path: f.path, text: f.text }));
  });
}

/**
 * The source entry (its `exports["."]["@awsconn/source"]`) of each workspace package in `names`,
 * resolved from the package in `dir`.
 *
 * @example
 * ```js
 * inlinedEntries("packages/awsconn", ["@awsconn/source-env"]); // Map { "@awsconn/source-env" => "/repo/packages/source-env/src/index.ts" }
 * ```
 */
export function inlinedEntries(dir, names) {
  const requireThere = createRequire(join(resolve(dir), "package.json"));
  return new Map(
    names.map((name) => {
      const manifestPath = requireThere.resolve(`${name}/package.json`);
      const source = JSON.parse(readFileSync(manifestPath, "utf8")).exports?.["."]?.["@awsconn/source"];
      if (typeof source !== "string") throw new Error(`${name}: no "@awsconn/source" entry to inline`);
      return [name, resolve(manifestPath, "..", source)];
    }),
  );
}
