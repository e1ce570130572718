// Builds one package, or (imported by scripts/build.mjs) the pieces of every package's build:
//
// - dist/esm: `tsc --build tsconfig.build.json` (type-checked; declarations, and for a private package
//   the per-file JS, with maps; incremental,
//   so an unchanged package costs a look at dist/esm/.tsbuildinfo);
// - a published package (not `private`): its runtime JavaScript replaced by one esbuild bundle per
//   entry point (scripts/bundlePackage.mjs), ESM into dist/esm and CommonJS into dist/cjs, built from
//   the same sources; tsc writes only the declarations there (`emitDeclarationOnly` in its
//   tsconfig.build.json; .js left from an older build is removed);
// - a private package (testkit): dist/cjs, a CommonJS copy transpiled file by file from the same
//   sources (`ts.transpileModule`: `isolatedModules` holds, so no second type-checking program is
//   needed);
// - either way the ESM declarations are copied into dist/cjs, and a {"type":"commonjs"} marker is
//   written last, so `require()` gets CommonJS code and CommonJS types.
//
// Run from a package directory: `node ../../scripts/build-package.mjs` (what turbo runs); the root's
// `npm run build` (scripts/build.mjs) builds every package in one `tsc --build`, which is much faster.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleCommand } from "./bundleCommand.mjs";
import { bundlePackage, inlinedEntries } from "./bundlePackage.mjs";
import { vendorPackages } from "./vendorPackages.mjs";
import { writeIfChanged } from "./writeIfChanged.mjs";

const require = createRequire(import.meta.url);
/** The `tsc` entry point of the workspace's TypeScript. */
export const TSC = require.resolve("typescript/bin/tsc");
/** Executables a package's build marks as such (and bundles, as entry points, from src/bin.ts). */
const BINS = ["dist/esm/bin.js"];
/** The scripts a build's output depends on besides the sources: a change to one rebuilds. */
const SCRIPTS = [
  "build-package.mjs",
  "bundlePackage.mjs",
  "bundleCommand.mjs",
  "vendorPackages.mjs",
  "minifyOptions.mjs",
  "writeIfChanged.mjs",
].map((f) => fileURLToPath(new URL(f, import.meta.url)));

/**
 * Loads a package's tsconfig.build.json: its source files and compiler options.
 *
 * @example
 * ```js
 * const { fileNames, options } = readBuildConfig("packages/core");
 * ```
 */
export function readBuildConfig(dir) {
  const ts = require("typescript");
  const configPath = resolve(dir, "tsconfig.build.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`${configPath}: cannot be read`);
  return parsed;
}

/**
 * After `tsc --build`: removes what dist/esm holds for sources that no longer exist, writes the
 * CommonJS copy into dist/cjs (code, maps, declarations, marker last) and marks the package's bin
 * executable. Idempotent; files are replaced in place, so a test reading dist/ meanwhile never sees
 * a missing directory.
 *
 * @example
 * ```js
 * finishPackage("packages/core");
 * ```
 */
export function finishPackage(dir) {
  const ts = require("typescript");
  const { fileNames, options } = readBuildConfig(dir);
  const rootDir = options.rootDir ?? resolve(dir, "src");
  const esm = options.outDir ?? resolve(dir, "dist/esm");
  const cjs = resolve(dir, "dist/cjs");
  const marker = join(cjs, "package.json");
  // Before the up-to-date check: the command's bundle inlines the other packages' sources, which
  // this package's tsc build does not see (a fraction of a second; unchanged output is not rewritten).
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const command = Object.keys(manifest.bin ?? {})[0];
  if (command && existsSync(join(rootDir, "bin.ts"))) bundleCommand(dir, command);
  vendorPackages(dir);
  // A package that inlines others (package.json `inlined`) is rebuilt when one of them is.
  const inlined = [...inlinedEntries(dir, manifest.inlined ?? []).values()].map(
    (entry) => readBuildConfig(resolve(entry, "../..")).options.tsBuildInfoFile,
  );
  if (newerThan(marker, [options.tsBuildInfoFile, ...inlined, ...SCRIPTS])) return;
  const sources = fileNames.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  const stems = sources.map((f) => relative(rootDir, f).replace(/\.ts$/, ""));
  const written = new Set(["package.json"]);
  if (!manifest.private) {
    const target = ts.ScriptTarget[options.target ?? ts.ScriptTarget.ES2022].toLowerCase();
    const bins = BINS.map((b) => b.replace(/^dist\/esm\/(.+)\.js$/, "$1"));
    const bundles = bundlePackage(dir, { rootDir, esm, cjs, target, bins });
    const declarations = stems.flatMap((s) => esmOutputs(s).filter((f) => f.includes(".d.ts")));
    keepOnly(esm, new Set([...declarations, ...bundles.esm, ".tsbuildinfo"]));
    for (const file of bundles.cjs) written.add(file);
    copyDeclarations(esm, cjs, stems, written);
    return finish(dir, cjs, written, marker);
  }

  keepOnly(esm, new Set([...stems.flatMap((s) => esmOutputs(s)), ".tsbuildinfo"]));
  for (const [i, file] of sources.entries()) {
    const stem = stems[i];
    const out = join(cjs, `${stem}.js`);
    mkdirSync(dirname(out), { recursive: true });
    const result = ts.transpileModule(ts.sys.readFile(file), {
      fileName: file,
      compilerOptions: {
        ...options,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        verbatimModuleSyntax: false,
        declaration: false,
        declarationMap: false,
        sourceMap: true,
        inlineSourceMap: false,
        outDir: undefined,
        rootDir: undefined,
        tsBuildInfoFile: undefined,
        incremental: undefined,
      },
      reportDiagnostics: false,
      transformers: { before: [importMetaUrlInCommonJs(ts)] },
    });
    const map = JSON.parse(result.sourceMapText);
    map.file = basename(out);
    map.sources = [relative(dirname(out), file).split("\\").join("/")];
    writeIfChanged(out, result.outputText);
    writeIfChanged(`${out}.map`, JSON.stringify(map));
    written.add(`${stem}.js`).add(`${stem}.js.map`);
  }
  copyDeclarations(esm, cjs, stems, written);
  finish(dir, cjs, written, marker);
}

/**
 * The declarations describe the same API; under dist/cjs/package.json they are CommonJS types: each
 * stem's `.d.ts` and `.d.ts.map` copied from dist/esm, and added to `written`.
 */
function copyDeclarations(esm, cjs, stems, written) {
  for (const stem of stems)
    for (const ext of [".d.ts", ".d.ts.map"]) {
      const from = join(esm, `${stem}${ext}`);
      if (!existsSync(from)) continue;
      writeIfChanged(join(cjs, `${stem}${ext}`), readFileSync(from, "utf8"));
      written.add(`${stem}${ext}`);
    }
}

/** Removes what dist/cjs holds beyond `written`, marks the bin executable, then writes the marker. */
function finish(dir, cjs, written, marker) {
  keepOnly(cjs, written);
  for (const bin of BINS) if (existsSync(join(dir, bin))) chmodSync(join(dir, bin), 0o755);
  // Last: bench/lib/retry.mjs and others treat this marker as "the package's build is complete";
  // its time says which build of dist/esm (.tsbuildinfo) the copy was made from.
  writeFileSync(marker, '{"type":"commonjs"}\n');
}

/**
 * A transformer for the CommonJS copy: `import.meta.url` (a syntax error in CommonJS) becomes the
 * same URL built from `__filename`, so a module may find files and packages next to itself
 * (`createRequire(import.meta.url)`) in both builds.
 */
function importMetaUrlInCommonJs(ts) {
  return (context) => (sourceFile) => {
    const f = context.factory;
    const visit = (node) => {
      if (
        ts.isPropertyAccessExpression(node) &&
        ts.isMetaProperty(node.expression) &&
        node.expression.keywordToken === ts.SyntaxKind.ImportKeyword &&
        node.name.text === "url"
      ) {
        const url = f.createCallExpression(f.createIdentifier("require"), undefined, [
          f.createStringLiteral("node:url"),
        ]);
        const toUrl = f.createCallExpression(
          f.createPropertyAccessExpression(url, "pathToFileURL"),
          undefined,
          [f.createIdentifier("__filename")],
        );
        return f.createPropertyAccessExpression(toUrl, "href");
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}

/** True when `file` exists and is newer than every file of `than` (a missing one counts as newer). */
function newerThan(file, than) {
  if (!existsSync(file)) return false;
  const time = statSync(file).mtimeMs;
  return than.every((f) => f !== undefined && existsSync(f) && statSync(f).mtimeMs < time);
}

/** The files `tsc` writes into dist/esm for one source (by its path under src/, without `.ts`). */
function esmOutputs(stem) {
  return [`${stem}.js`, `${stem}.js.map`, `${stem}.d.ts`, `${stem}.d.ts.map`];
}

/** Deletes every file under `dir` whose path (relative to `dir`) is not in `keep`, then empty folders. */
function keepOnly(dir, keep, sub = "") {
  const here = join(dir, sub);
  if (!existsSync(here)) return;
  for (const entry of readdirSync(here, { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      keepOnly(dir, keep, rel);
      if (readdirSync(join(dir, rel)).length === 0) rmSync(join(dir, rel), { recursive: true });
    } else if (!keep.has(rel)) rmSync(join(dir, rel), { force: true });
  }
}

// `node ../../scripts/build-package.mjs` in a package directory: that package alone.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  execFileSync(process.execPath, [TSC, "--build", "tsconfig.build.json"], { stdio: "inherit" });
  finishPackage(process.cwd());
}
