import { ConnectionNotFoundError, foreignErrorMessage } from "@awsconn/core";
import { type Command, CommanderError } from "commander";
import type { ExitState, GlobalOptions } from "./context.js";
import { endpointHint } from "./endpointHint.js";
import { loopFailure } from "./credentialProcessChain.js";
import { EXIT, exitCodeFor } from "./exitCodes.js";
import { type CliIO, Output } from "./Output.js";
import { programFor } from "./programFor.js";
import { protectExecCommand } from "./protectExecCommand.js";
import { openResolver } from "./resolver.js";
import { suggestConnId } from "./suggestConnId.js";

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Print the process's warnings (e.g. a world-readable connections file) as `warning: ...`, silenced by `--quiet`. */
  processWarnings?: boolean;
}

/**
 * Runs `awsconn` with the given arguments (without `node` and the script) and resolves the exit code.
 * Never calls `process.exit`; errors print on stderr as `error: ...` without secrets.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(
  args: readonly string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env },
  options: RunCliOptions = {},
): Promise<number> {
  const state: ExitState = { code: 0 };
  const program = await programFor(args, io, state);
  if (options.processWarnings) {
    // Node's default prints "(node:PID) [CODE] Warning: ..."; show them as our own warnings (and obey --quiet).
    process.removeAllListeners("warning");
    process.on("warning", (warning: Error & { code?: string }) => {
      const out = state.out ?? new Output(io);
      // awsconn's own warnings (file permissions...) are for the user; the rest (e.g. the AWS SDK's
      // Node version notice, deprecations) only with --verbose.
      if (warning.code?.startsWith("AWSCONN_")) out.warn(warning.message);
      else out.debug(`${warning.name}: ${warning.message.replace(/\s+/g, " ").trim()}`);
    });
  }
  let ran: Command | undefined;
  program.hook("preAction", (_program, actionCommand) => {
    ran = actionCommand;
  });
  try {
    await program.parseAsync(protectExecCommand(args, program), { from: "user" });
    // `explain` reports "found nowhere" by its exit code rather than by throwing.
    const connId = ran?.registeredArguments[0]?.name() === "conn_id" ? ran.processedArgs[0] : undefined;
    if (state.code === EXIT.NOT_FOUND && typeof connId === "string" && state.out) {
      await didYouMean(connId, program.opts<GlobalOptions>(), state.out);
    }
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.OK;
      return EXIT.USAGE;
    }
    const opts = program.opts<{ color?: boolean; verbose?: boolean; quiet?: boolean }>();
    const out = new Output(io, { color: opts.color, verbose: opts.verbose, quiet: opts.quiet });
    // A foreign error's message may quote a value (Node's spawn error quotes an env value whole).
    out.error(foreignErrorMessage(error));
    const hint = endpointHint(error);
    if (hint) out.info(`hint: ${hint}`);
    if (error instanceof ConnectionNotFoundError) await didYouMean(error.connId, program.opts(), out);
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof Error) out.debug(`caused by ${cause.name}`);
    // A nested awsconn refused a credential_process loop: say here too why, and how to break it.
    const loop = loopFailure(error, io.env);
    if (loop) {
      out.error(loop);
      return EXIT.INVALID;
    }
    return exitCodeFor(error);
  }
}

/** After "not found": the nearest id the env and file sources hold, if one is close. Never fails. */
async function didYouMean(connId: string, globals: GlobalOptions, out: Output): Promise<void> {
  try {
    const resolver = await openResolver(globals);
    const near = await suggestConnId(connId, resolver.sources);
    if (near) out.info(`hint: did you mean ${near}?`);
  } catch (error) {
    out.debug(`no suggestion: ${error instanceof Error ? error.name : "error"}`);
  }
}
