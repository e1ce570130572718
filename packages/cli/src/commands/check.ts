import { resolve } from "node:path";
import { Command } from "commander";
import { type FileCheck, type Problem, checkFile, discoveredFiles } from "../checkFile.js";
import { type ExitState, action, examples } from "../context.js";
import { EXIT } from "../exitCodes.js";
import type { CliIO, Output } from "../Output.js";

/**
 * `awsconn check [<file>...]`: validates connection files (`.json`, `.yaml`, `.yml`, `.env`) exactly as
 * the file source reads them, and awsconn config files together with every connections file they name;
 * with no file, the configuration `get` would use and its files. Prints each problem as
 * `file:line: message` on stdout and permission warnings on stderr; exits 5 when there is any problem.
 *
 * @example
 * ```sh
 * awsconn check                     # the discovered config and every file it names
 * awsconn check connections.yaml awsconn.config.yaml
 * ```
 */
export function checkCommand(io: CliIO, state: ExitState): Command {
  return new Command("check")
    .description(
      "validate connection files and awsconn config files (default: the discovered config and every file it names); each problem as file:line: message",
    )
    .argument("[file...]", "connection files (.json, .yaml, .yml, .env) or awsconn config files")
    .addHelpText(
      "after",
      examples(
        ["awsconn check", "the configuration get would use, and every connections file it names"],
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
        const queue = [...files];
        let config: string | undefined;
        if (queue.length === 0) {
          const found = discoveredFiles(globals.config, io.env, process.cwd());
          out.info(`configuration: ${found.origin}`);
          config = found.config;
          queue.push(...(found.config ? [found.config] : []), ...found.files);
          if (queue.length === 0) out.info("it names no files: nothing to check");
        }
        const seen = new Set<string>();
        const checks: FileCheck[] = [];
        while (queue.length > 0) {
          const file = queue.shift() as string;
          if (seen.has(resolve(file))) continue;
          seen.add(resolve(file));
          const check = await checkFile(file);
          checks.push(check);
          queue.push(...(check.names ?? []));
          if (!globals.json) print(out, check);
        }
        const problems = checks.flatMap((c) => c.problems);
        if (globals.json) {
          out.json({
            ok: problems.length === 0,
            ...(config ? { config } : {}),
            files: checks.map(({ names: _n, ...c }) => c),
          });
        }
        return problems.length > 0 ? EXIT.INVALID : EXIT.OK;
      }),
    );
}

function print(out: Output, check: FileCheck): void {
  for (const p of check.problems) out.data(line(p));
  for (const w of check.warnings) out.warn(w);
  if (check.problems.length > 0) return;
  const what = check.kind === "config" ? `config, ${check.count} sources` : `${check.count} connections`;
  out.info(`${out.err.green("ok")} ${check.file} (${what})`);
}

function line(p: Problem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message}`;
}
