// A package's `vendored` dependencies (package.json: `"vendored": { "yaml": "dist/yaml.cjs" }`), each
// bundled into one CommonJS file of the package's dist. Node reads such a dependency as one file
// instead of one per module (`yaml` is about 70 CommonJS files: resolving, reading and compiling
// them costs a fresh process tens of milliseconds, every time a YAML file is read). The dependency
// stays a dependency (its types, and the code that `require`s it by name); the vendored copy is the
// version installed at build time, with its licence at the top.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { writeIfChanged } from "./writeIfChanged.mjs";
import { MINIFY_OPTIONS } from "./minifyOptions.mjs";

const require = createRequire(import.meta.url);

/**
 * Bundles every entry of the package's `vendored` field; returns the paths written (relative to the
 * package). Unchanged output is not rewritten.
 *
 * @example
 * ```js
 * vendorPackages("/repo/packages/source-file"); // ["dist/yaml.cjs"]
 * ```
 */
export function vendorPackages(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const written = [];
  for (const [name, out] of Object.entries(manifest.vendored ?? {})) {
    const entry = createRequire(join(resolve(dir), "package.json")).resolve(name);
    const root = packageRoot(entry, name);
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const result = require("esbuild").buildSync({
      entryPoints: [entry],
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      ...MINIFY_OPTIONS,
      // Class names are part of the dependency's API (its error classes' `name`).
      keepNames: true,
      legalComments: "none",
      banner: {
        js: `/*! ${name} ${version}, bundled into one file by awsconn's build (scripts/vendorPackages.mjs).\n${licenceOf(root, name)}\n*/`,
      },
      write: false,
      logLevel: "warning",
    });
    writeIfChanged(join(dir, out), result.outputFiles[0].text);
    written.push(out);
  }
  return written;
}

/**
 * The licence text of the installed package in `root`, to ship with a copy of its code (the MIT and
 * ISC licences ask for their notice in every copy); fails when it has none.
 *
 * @example
 * ```js
 * licenceOf("/repo/node_modules/yaml", "yaml"); // "Copyright Eemeli Aro ..."
 * ```
 */
export function licenceOf(root, name) {
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"].map((f) => join(root, f)).find(existsSync);
  if (!file) throw new Error(`build: ${name} has no licence file to ship with a copy of its code`);
  return readFileSync(file, "utf8").trim().replaceAll("*/", "* /");
}

/** The folder of the installed package `name` that holds `entry`. */
function packageRoot(entry, name) {
  let dir = dirname(entry);
  while (
    !existsSync(join(dir, "package.json")) ||
    JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name
  ) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`vendorPackages: no package.json of ${name} above ${entry}`);
    dir = up;
  }
  return dir;
}
