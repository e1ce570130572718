#!/usr/bin/env node
// The `awsconn` command's entry point, committed so that `npm ci` can link it (node_modules/.bin/awsconn)
// before anything is built. It runs the built CLI, dist/awsconn.cjs (the whole command in one
// CommonJS file, see scripts/bundleCommand.mjs), with a V8 code cache (compileCache.js), because a
// profile's credential_process starts it on every credential refresh. CommonJS (bin/package.json),
// so that Node does not start its ES module loader for the launcher itself.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const cli = join(__dirname, "../dist/awsconn.cjs");
if (!existsSync(cli)) {
  process.stderr.write(
    "awsconn: the CLI is not built yet (packages/cli/dist/awsconn.cjs is missing); " +
      "run `npm run build` at the repository root, then try again.\n",
  );
  process.exit(1);
}
require("./compileCache.js").runCached(cli);
