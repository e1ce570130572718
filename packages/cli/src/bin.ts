#!/usr/bin/env node
import { lazyOutput } from "./lazyOutput.js";
import { runCli } from "./runCli.js";

/**
 * Once a command is done, the process exits within this many ms even when something is still open:
 * a call to a hung backend that `serve` stopped waiting for, a credential_process that never ends.
 * Output still being written to a pipe is let out first.
 */
const LINGER_MS = 1000;

// `awsconn list | head -1`: a reader that goes away is not an error.
const brokenPipe = () => process.exit(0);
const stdout = lazyOutput(
  1,
  () =>
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") brokenPipe();
      throw error;
    }),
  brokenPipe,
);
// A message for a reader of stderr that has gone away is dropped.
const stderr = lazyOutput(
  2,
  () => process.stderr,
  () => {},
);

runCli(process.argv.slice(2), { stdout, stderr, env: process.env }, { processWarnings: true }).then(
  (code) => {
    process.exitCode = code;
    exitSoon();
  },
  (error: unknown) => {
    stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    exitSoon();
  },
);

/** Exits after {@link LINGER_MS} unless the process has ended by itself (the timer does not hold it). */
function exitSoon(): void {
  const check = () => {
    if (stdout.pending() > 0 || stderr.pending() > 0) {
      setTimeout(check, 50).unref();
      return;
    }
    process.exit();
  };
  setTimeout(check, LINGER_MS).unref();
}
