#!/usr/bin/env node
import { runCli } from "./runCli.js";

runCli(process.argv.slice(2), undefined, { processWarnings: true }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
