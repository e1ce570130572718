import { Command } from "commander";
import { examples } from "./context.js";
import type { CliIO } from "./Output.js";
import { VERSION } from "./version.js";

/**
 * The `awsconn` program without its commands: the global options, help text and output streams
 * (see `createProgram`, which adds every command, and `programFor`, which adds only the one a
 * command line runs). Commander never exits the process itself (see `runCli`).
 *
 * @example
 * ```ts
 * const program = baseProgram(io);
 * program.opts(); // the global flags, once parsed
 * ```
 */
export function baseProgram(io: CliIO): Command {
  return new Command("awsconn")
    .description(
      "Airflow-style connections (aws_default and friends) from env, files, Secrets Manager and SSM; " +
        "AWS credentials for any tool through credential_process.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .option(
      "--config <file>",
      "awsconn config file (default: AWSCONN_CONFIG, ./awsconn.config.{yaml,yml,json}, Airflow's AIRFLOW__SECRETS__BACKEND, else env only)",
    )
    .option(
      "--team <name>",
      "Airflow 3.3 team: its connections and Variables are tried first, ids with the team separator refused (default: the config's team, AWSCONN_TEAM)",
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
}
