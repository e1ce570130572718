import { Command } from "commander";
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
import { type ExitState, examples } from "./context.js";
import type { CliIO } from "./Output.js";
import { VERSION } from "./version.js";

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
  const program = new Command("awsconn")
    .description(
      "Airflow-style connections (aws_default and friends) from env, files, Secrets Manager and SSM; " +
        "AWS credentials for any tool through credential_process.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .option(
      "--config <file>",
      "awsconn config file (default: AWSCONN_CONFIG, ./awsconn.config.{yaml,yml,json}, Airflow's AIRFLOW__SECRETS__BACKEND, else env only)",
    )
    .option("--json", "machine-readable JSON output on stdout")
    .option("--show-secrets", "print passwords and secret extras instead of ***")
    .option("-q, --quiet", "no messages or warnings on stderr (errors still print)")
    .option("-v, --verbose", "debug messages on stderr")
    .option("--no-color", "no colour (also: NO_COLOR=1; colour is only used on a terminal)")
    .helpOption("-h, --help", "show help")
    .helpCommand(false)
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      "after",
      `${examples(
        [
          "AIRFLOW_CONN_AWS_DEFAULT='aws://AKIA...:secret@?region_name=eu-west-1' awsconn get aws_default",
          "an env var",
        ],
        ["awsconn --config awsconn.config.yaml explain aws_default", "which source wins"],
        ["awsconn credentials aws_default --format process", "for credential_process"],
        ["awsconn check connections.yaml awsconn.config.yaml", "validate files"],
      )}\nExit codes: 0 ok, 2 usage (or invalid connection id), 3 not found, 4 source failed, 5 invalid connection or config.\n`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
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
  ]) {
    program.addCommand(sub.copyInheritedSettings(program));
  }
  program.addCommand(helpCommand(io, state, program).copyInheritedSettings(program));
  return program;
}
