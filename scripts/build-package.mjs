// Builds the package in the current directory: ESM (with declarations) into dist/esm,
// then a CommonJS copy into dist/cjs with a {"type":"commonjs"} marker, so both
// `import` and `require()` work. Run from a package directory: `node ../../scripts/build-package.mjs`.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync, existsSync, chmodSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
execFileSync(
  process.execPath,
  [
    tsc,
    "-p",
    "tsconfig.build.json",
    "--outDir",
    "dist/cjs",
    "--module",
    "commonjs",
    "--moduleResolution",
    "node10",
    "--verbatimModuleSyntax",
    "false",
    "--declaration",
    "false",
    "--declarationMap",
    "false",
    "--noCheck",
  ],
  { stdio: "inherit" },
);
mkdirSync("dist/cjs", { recursive: true });
writeFileSync("dist/cjs/package.json", '{"type":"commonjs"}\n');
for (const bin of ["dist/esm/bin.js"]) if (existsSync(bin)) chmodSync(bin, 0o755);
