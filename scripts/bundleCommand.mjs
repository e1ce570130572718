// The command a package ships (the CLI's src/bin.ts) as one CommonJS file, dist/<command>.cjs, which
// its launcher (bin/<command>.js) runs with a V8 code cache. A credential_process starts the command
// on every credential refresh, so its start-up is paid again and again: one file is one read and one
// compile where the package layout costs one ES module resolution, read and compile per file (20
// files for `awsconn credentials`), and a CommonJS script can be compiled from a code cache on Node
// 20, where ES modules cannot.
//
// The workspace's packages (`awsconn`, `@awsconn/*`, from their sources), the CLI framework
// (commander) and yaml (about 70 files of its own; in the bundle it is evaluated only when a YAML
// file is read) are inlined; every other package stays a `require` resolved from the command's
// package at run time: the AWS SDK (so a lazily loaded client stays lazy, and is the one the app
// installed), zod and lru-cache (each loaded only by the lookups that need it). Errors and connections
// from another copy of the packages (a plugin's own `awsconn`) are recognised by brand, not identity.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { licenceOf } from "./vendorPackages.mjs";
import { writeIfChanged } from "./writeIfChanged.mjs";
import { MINIFY_OPTIONS } from "./minifyOptions.mjs";

const require = createRequire(import.meta.url);

/** What `import.meta.url` becomes in the bundle (defined by its first line). */
const META_URL = "__awsconnImportMetaUrl";
/** The bundle's real `import()` (packages/awsconn/src/importFile.ts), from a file Node loads itself. */
const IMPORT_FILE = "__awsconnImportFile";
const IMPORTER = "importFile.cjs";
/** The line near the bundle's end that carries its hash (bin/compileCache.js reads it). */
const BUNDLE_HASH = "// awsconn-bundle-hash ";
/**
 * Node built-ins the bundle requires when first used, not when the module that imports them loads:
 * the CLI framework requires child_process at its top (for executable subcommands, which awsconn
 * has none of), and child_process loads net, dgram and Node's stream modules; with fs/promises,
 * about 6 ms of every `awsconn credentials` run, which needs neither.
 */
const LAZY_BUILTINS = ["node:child_process", "child_process", "node:fs/promises", "fs/promises"];
/** The bundle's lazy `require` of a built-in: a name as long as `require`, so the source map stays exact. */
const LAZY_REQUIRE = "__lazy_";

/** Packages inlined into the command's bundle; every other bare import stays a run-time `require`. */
const INLINED = /^(awsconn|@awsconn\/[^/]+|commander|yaml)(\/|$)/;

/**
 * Bundles `src/bin.ts` of the package in `dir` into `dist/<name>.cjs`, writing only when the content
 * changed (the launcher's code cache is keyed by the file's size and time). Returns the path written.
 *
 * @example
 * ```js
 * bundleCommand("packages/cli", "awsconn"); // "packages/cli/dist/awsconn.cjs"
 * ```
 */
export function bundleCommand(dir, name, { target = "node20" } = {}) {
  const esbuild = require("esbuild");
  const outfile = resolve(dir, "dist", `${name}.cjs`);
  const result = esbuild.buildSync({
    absWorkingDir: resolve(dir),
    entryPoints: [resolve(dir, "src/bin.ts")],
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target,
    conditions: ["@awsconn/source"],
    // Class and function names are part of the API (error names, util.inspect output).
    keepNames: true,
    // Half the bytes to read on every start; the source map (node --enable-source-maps) has the lines.
    ...MINIFY_OPTIONS,
    sourcemap: "linked",
    sourcesContent: false,
    tsconfig: resolve(dir, "tsconfig.build.json"),
    // The launcher runs the bundle from a V8 code cache, and on Node 20 such a script cannot `import()`:
    // every `import()` of a package becomes a `require` (the AWS SDK and the rest serve CommonJS), and
    // a plugin, which may be an ES module, is imported by dist/importFile.cjs, loaded by Node itself.
    supported: { "dynamic-import": false },
    define: { "import.meta.url": META_URL },
    banner: {
      js: [
        `var ${META_URL} = require("node:url").pathToFileURL(__filename).href;`,
        `var ${IMPORT_FILE} = require(require("node:path").join(__dirname, "${IMPORTER}"));`,
        // A proxy of the built-in's exports that requires it on the first property read.
        `var ${LAZY_REQUIRE} = (id) => { let m; const l = () => (m ??= require(id)); return new Proxy({}, { get: (_, k) => l()[k], has: (_, k) => k in l(), ownKeys: () => Reflect.ownKeys(l()), getOwnPropertyDescriptor: (_, k) => ({ ...Reflect.getOwnPropertyDescriptor(l(), k), configurable: true }) }); };`,
      ].join("\n"),
    },
    external: externalPackages(dir).flatMap((p) => [p, `${p}/*`]),
    logLevel: "warning",
    metafile: true,
    write: false,
  });
  // The source's `#!/usr/bin/env node` line is the launcher's business: this file is never run directly.
  const code = result.outputFiles.find((f) => f.path === outfile);
  const map = result.outputFiles.find((f) => f.path === `${outfile}.map`);
  let body = code.text.replace(/^#!.*\n/, "");
  for (const id of LAZY_BUILTINS) body = body.replaceAll(`require("${id}")`, `${LAZY_REQUIRE}("${id}")`);
  // The launcher's code cache is keyed by this hash of the code (V8 itself checks only its length).
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const text = body.replace(
    /(\/\/# sourceMappingURL=\S+\s*)$/,
    (link) => `${licences(dir, result.metafile)}${BUNDLE_HASH}${hash}\n${link}`,
  );
  writeIfChanged(outfile, text);
  writeIfChanged(`${outfile}.map`, map.text);
  writeIfChanged(
    resolve(dir, "dist", IMPORTER),
    `"use strict";\n// The ${name} bundle's import() (see packages/awsconn/src/importFile.ts).\nmodule.exports = (url) => import(url);\n`,
  );
  return outfile;
}

/** The licence of every third-party package inlined into the bundle, as comments at its end. */
function licences(dir, metafile) {
  const roots = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) roots.add(resolve(dir, m[1]));
  }
  return [...roots]
    .sort()
    .map((root) => {
      const { name, version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
      return `\n/*! ${name} ${version}\n${licenceOf(root, name)}\n*/\n`;
    })
    .join("");
}

/**
 * Every package the command's own package and the workspace packages it inlines depend on
 * (dependencies and peer dependencies), but those inlined: what the bundle leaves to `require`.
 */
function externalPackages(dir) {
  const workspace = new Map();
  for (const entry of readdirSync(dirname(resolve(dir)))) {
    try {
      const manifest = JSON.parse(readFileSync(join(dirname(resolve(dir)), entry, "package.json"), "utf8"));
      workspace.set(manifest.name, manifest);
    } catch {
      // not a package folder
    }
  }
  const external = new Set();
  const seen = new Set();
  const visit = (manifest) => {
    if (seen.has(manifest.name)) return;
    seen.add(manifest.name);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (!INLINED.test(dep)) external.add(dep);
      else if (workspace.has(dep)) visit(workspace.get(dep));
    }
  };
  visit(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")));
  return [...external].sort();
}
