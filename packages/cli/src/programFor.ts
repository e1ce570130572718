import type { Command } from "commander";
import { baseProgram } from "./baseProgram.js";
import { commandIndexOf } from "./commandIndexOf.js";
import type { ExitState } from "./context.js";
import type { CliIO } from "./Output.js";

/**
 * The program that runs one command line: for `credentials` (the command a profile's
 * `credential_process` starts on every credential refresh, where start-up is the cost) the global
 * options plus that one command, loaded alone; for anything else (every other command, help, an
 * unknown command) the whole tree of `createProgram`. Both are built from the same definitions, so
 * options, help and errors read the same either way.
 *
 * @example
 * ```ts
 * const program = await programFor(["credentials", "aws_default"], io, { code: 0 });
 * program.commands.map((c) => c.name()); // ["credentials"]
 * ```
 */
export async function programFor(args: readonly string[], io: CliIO, state: ExitState): Promise<Command> {
  const program = baseProgram(io);
  const at = commandIndexOf(args, program);
  if (at >= 0 && args[at] === "credentials") {
    const { credentialsCommand } = await import("./commands/credentials.js");
    program.addCommand(credentialsCommand(io, state).copyInheritedSettings(program));
    return program;
  }
  const { createProgram } = await import("./program.js");
  return createProgram(io, state);
}
