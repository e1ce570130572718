import { closestMatch } from "@awsconn/core";
import { Command } from "commander";
import type { ExitState } from "../context.js";
import { EXIT } from "../exitCodes.js";
import { type CliIO, Output } from "../Output.js";

/**
 * `awsconn help [command]`: the help of awsconn or of one command on stdout, exit 0. An unknown
 * command is a usage error (exit 2) that says so, with the nearest command name when one is close.
 *
 * @example
 * ```sh
 * awsconn help credentials
 * ```
 */
export function helpCommand(io: CliIO, state: ExitState, program: Command): Command {
  return new Command("help")
    .description("show the help of awsconn, or of one command")
    .argument("[command]", "a command name, e.g. get")
    .action((name: string | undefined) => {
      if (name === undefined) {
        program.outputHelp();
        return;
      }
      const known = program.commands.filter((c) => c.name() !== "help");
      const command = known.find((c) => c.name() === name || c.aliases().includes(name));
      if (command) {
        command.outputHelp();
        return;
      }
      const near = closestMatch(
        name,
        known.map((c) => c.name()),
      );
      const out = new Output(io, program.opts<{ color?: boolean }>());
      out.error(`unknown command '${name}'${near ? ` (did you mean ${near}?)` : ""}`);
      io.stderr.write("(run awsconn help for the list of commands)\n");
      state.code = EXIT.USAGE;
    });
}
