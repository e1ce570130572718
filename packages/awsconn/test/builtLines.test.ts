import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// The published bundles are minified (scripts/bundlePackage.mjs). When an error goes uncaught, Node
// prints the source line it was thrown on above the stack: without the build's line limit
// (scripts/minifyOptions.mjs) that line was the whole bundle, about 100 kB on the user's terminal.
const ESM = fileURLToPath(new URL("../dist/esm/index.js", import.meta.url));
const CJS = fileURLToPath(new URL("../dist/cjs/index.js", import.meta.url));
const built = existsSync(ESM) && existsSync(CJS);

describe.runIf(built)("an uncaught error from the built awsconn", () => {
  it.each([
    [
      "ES module",
      "--input-type=module",
      `const a = await import(${JSON.stringify(pathToFileURL(ESM).href)});`,
    ],
    ["CommonJS", "--input-type=commonjs", `const a = require(${JSON.stringify(CJS)});`],
  ])("%s build: prints a short source line, then the error", (_kind, inputType, load) => {
    const run = spawnSync(
      process.execPath,
      [inputType, "-e", `${load}\na.createResolver({ sources: [{ type: "env" }] }).get("missing_id");`],
      { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ConnectionNotFoundError: connection "missing_id" not found');
    const longest = Math.max(...run.stderr.split("\n").map((line) => line.length));
    expect(longest).toBeLessThan(400);
  });
});
