import type { Command } from "commander";
import { baseProgram } from "./baseProgram.js";
import { checkCommand } from "./commands/check.js";
import { copyCommand } from "./commands/copy.js";
import { credentialsCommand } from "./commands/credentials.js";
import { execCommand } from "./commands/exec.js";
import { explainCommand } from "./commands/explain.js";
import { getCommand } from "./commands/get.js";
import { helpCommand } from "./commands/help.js";
import { listCommand } from "./commands/list.js";
import { serveCommand } from "./commands/serve.js";
import { testCommand } from "./commands/test.js";
import { uriCommand } from "./commands/uri.js";
import { variableCommand } from "./commands/variable.js";
import type { ExitState } from "./context.js";
import type { CliIO } from "./Output.js";

/**
 * Builds the `awsconn` command tree. Help and usage errors go to the given streams; commander never
 * exits the process itself (see {@link runCli}).
 *
 * @example
 * ```ts
 * const state = { code: 0 };
 * await createProgram(io, state).parseAsync(["get", "aws_default"], { from: "user" });
 * ```
 */
export function createProgram(io: CliIO, state: ExitState): Command {
  const program = baseProgram(io);
  for (const sub of [
    getCommand(io, state),
    uriCommand(io, state),
    explainCommand(io, state),
    credentialsCommand(io, state),
    checkCommand(io, state),
    listCommand(io, state),
    copyCommand(io, state),
    execCommand(io, state),
    testCommand(io, state),
    serveCommand(io, state),
    variableCommand(io, state),
  ]) {
    program.addCommand(sub.copyInheritedSettings(program));
  }
  program.addCommand(helpCommand(io, state, program).copyInheritedSettings(program));
  return program;
}
