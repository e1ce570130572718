import { Command } from "commander";
import { checkFile, type Problem } from "../checkFile.js";
import { type ExitState, action, examples } from "../context.js";
import { EXIT } from "../exitCodes.js";
import type { CliIO } from "../Output.js";

/**
 * `awsconn check <file>...`: validates connection files (`.json`, `.yaml`, `.yml`, `.env`) and awsconn
 * config files; prints each problem as `file:line: message`; exits 5 when there is any.
 *
 * @example
 * ```sh
 * awsconn check connections.yaml awsconn.config.yaml
 * ```
 */
export function checkCommand(io: CliIO, state: ExitState): Command {
  return new Command("check")
    .description("validate connection files and awsconn config files; each problem as file:line: message")
    .argument("<file...>", "connection files (.json, .yaml, .yml, .env) or awsconn config files")
    .addHelpText(
      "after",
      examples(
        ["awsconn check connections.yaml", "exit 0 when valid, 5 with file:line: message lines when not"],
        [
          "awsconn check awsconn.config.yaml conns/*.env",
          "config files are recognised by name or a sources: list",
        ],
        ["awsconn check --json connections.json", "problems as JSON"],
      ),
    )
    .action(
      action<[string[]], object>(io, state, async ({ out, globals }, [files]) => {
        const all: Problem[] = [];
        const summary: { file: string; kind?: string; count: number; problems: Problem[] }[] = [];
        for (const file of files) {
          const { kind, problems, count } = await checkFile(file);
          all.push(...problems);
          summary.push({ file, kind, count, problems });
          if (!globals.json) {
            for (const p of problems)
              out.data(`${p.file}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message}`);
            if (problems.length === 0)
              out.info(
                `${out.err.green("ok")} ${file} (${kind === "config" ? `config, ${count} sources` : `${count} connections`})`,
              );
          }
        }
        if (globals.json) out.json({ ok: all.length === 0, files: summary });
        return all.length > 0 ? EXIT.INVALID : EXIT.OK;
      }),
    );
}
