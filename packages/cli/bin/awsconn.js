#!/usr/bin/env node
// The `awsconn` command's entry point, committed so that `npm ci` can link it (node_modules/.bin/awsconn)
// before anything is built: it only starts the built CLI, dist/esm/bin.js.
import { existsSync } from "node:fs";

const cli = new URL("../dist/esm/bin.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    "awsconn: the CLI is not built yet (packages/cli/dist/esm/bin.js is missing); " +
      "run `npm run build` at the repository root, then try again.\n",
  );
  process.exit(1);
}
await import(cli.href);
