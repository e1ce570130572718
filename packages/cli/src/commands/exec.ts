import { spawn } from "node:child_process";
import { constants } from "node:os";
import { ConnectionFormatError, validateConnId } from "@awsconn/core";
import { withoutLease } from "awsconn";
import { Command } from "commander";
import { childEnv, shadowingSources } from "../childEnv.js";
import { type ExitState, action, examples } from "../context.js";
import { EXIT } from "../exitCodes.js";
import type { CliIO, Output } from "../Output.js";
import { openResolver } from "../resolver.js";
import { startCredentialsServer } from "../server/startCredentialsServer.js";
import { TERMINAL_SIGNALS, terminalSignalsReachChildren } from "../terminalSignals.js";

interface ExecOptions {
  service?: string;
  serve?: boolean;
}

/** The shell's exit code for a command that does not exist. */
const COMMAND_NOT_FOUND = 127;

/** Signals `exec` passes on to the child (SIGKILL and SIGSTOP cannot be caught). */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = [
  "SIGINT",
  "SIGTERM",
  "SIGHUP",
  "SIGQUIT",
  "SIGUSR1",
  "SIGUSR2",
  "SIGWINCH",
];

/**
 * `awsconn exec <conn_id> -- <command>...`: runs a program of any language with the connection's AWS
 * credentials. Every inherited AWS credential setting is removed first (see `childEnv`); then either
 * the keys, region and endpoint are set (`AWS_ACCESS_KEY_ID`...), or with `--serve` a private
 * credentials server runs for the child's lifetime and the child gets
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` + `AWS_CONTAINER_AUTHORIZATION_TOKEN`, so its SDK refreshes
 * temporary credentials by itself (exec warns about every `[default]` profile setting that would
 * shadow that endpoint). Inherited `AWS_ENDPOINT_URL*` variables are removed too; the connection's
 * endpoint is set. The program and its arguments are passed untouched: option parsing stops at the
 * program, with or without `--` (see `protectExecCommand`). stdin/stdout/stderr are the child's;
 * signals sent to awsconn are passed on, except Ctrl-C, Ctrl-\ and resizes that the terminal already
 * gave the child (see `terminalSignalsReachChildren`); the exit code is the child's, or 128 + the
 * signal number that ended it.
 *
 * @example
 * ```sh
 * awsconn exec aws_default --serve -- python etl.py
 * ```
 */
export function execCommand(io: CliIO, state: ExitState): Command {
  return new Command("exec")
    .description(
      "run a program with an aws connection's credentials in its environment (or a private endpoint)",
    )
    .usage("[options] <conn_id> -- <command> [args...]")
    .argument("<conn_id>", "connection id of type aws, e.g. aws_default")
    .argument("<command...>", "the program and its arguments, after --")
    .option("--service <name>", "set the endpoint of this service (AWS_ENDPOINT_URL_<NAME>), e.g. s3")
    .option(
      "--serve",
      "instead of keys, give the child a private credentials endpoint (refreshes temporary credentials)",
    )
    .addHelpText(
      "after",
      examples(
        ["awsconn exec aws_default -- aws sts get-caller-identity", "the AWS CLI as the connection"],
        ["awsconn exec aws_default --serve -- python etl.py", "a long job: credentials refresh themselves"],
        ["awsconn exec aws_default --service s3 -- terraform apply", "the s3 endpoint of service_config too"],
      ),
    )
    .action(
      action<[string, string[]], ExecOptions>(
        io,
        state,
        async ({ out, globals }, [connId, command], options) => {
          validateConnId(connId);
          const resolver = await openResolver(globals);
          const config = await resolver.getAwsClientConfig(connId, options.service);
          for (const warning of config.warnings ?? []) out.warn(warning);
          const common = { region: config.region, endpoint: config.endpoint, service: options.service };
          if (!options.serve) {
            // the lease of long-term keys is not an expiry: the child's SDK would take them for temporary ones
            const identity = withoutLease(await config.credentials());
            out.debug(`exec ${command[0]} with ${connId} (${config.method}) in its environment`);
            return run(command, childEnv(io.env, { ...common, credentials: identity }), out);
          }
          await config.credentials(); // fail before starting the child when the connection cannot give any
          for (const shadow of shadowingSources(io.env)) {
            out.warn(
              `${shadow}: AWS SDKs use it before the --serve endpoint; use exec without --serve, or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere`,
            );
          }
          const server = await startCredentialsServer({
            resolver,
            connIds: [connId],
            onRequest: ({ method, path, status }) => out.debug(`serve: ${method} ${path} ${status}`),
          });
          try {
            out.debug(`exec ${command[0]} with ${connId} (${config.method}) through ${server.url}`);
            const container = { uri: server.credentialsUri(connId), token: server.token };
            return await run(command, childEnv(io.env, { ...common, container }), out);
          } finally {
            await server.close();
          }
        },
      ),
    );
}

// ---------------------------------------------------------------------------------------------

function run(command: readonly string[], env: Record<string, string>, out: Output): Promise<number> {
  const [file, ...args] = command;
  // A NUL byte cannot be passed to a program; Node's own error would quote the value whole.
  const nul = Object.keys(env).find((name) => env[name]?.includes("\0"));
  if (nul) {
    throw new ConnectionFormatError(
      `${nul} would hold a NUL byte, which no program's environment can carry; fix the connection (its value is not shown)`,
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(file as string, args, { env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => {
      // The terminal already gave Ctrl-C / Ctrl-\ to the child (same process group): not twice.
      if (TERMINAL_SIGNALS.includes(signal) && terminalSignalsReachChildren()) {
        out.debug(`exec: ${signal} not passed on: the terminal gave it to the child too`);
        return;
      }
      out.debug(`exec: ${signal} passed on to the child`);
      child.kill(signal);
    };
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    const done = () => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      done();
      if (error.code !== "ENOENT")
        return reject(new Error(`${file}: cannot start it (${error.code ?? error.name})`));
      out.error(`${file}: command not found`);
      resolve(COMMAND_NOT_FOUND);
    });
    child.on("exit", (code, signal) => {
      done();
      if (signal) resolve(128 + (constants.signals[signal] ?? 0));
      else resolve(code ?? EXIT.FAILURE);
    });
  });
}
