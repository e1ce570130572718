import { validateConnId } from "@awsconn/core";
import { Command, InvalidArgumentError } from "commander";
import { type ExitState, action, examples } from "../context.js";
import type { CliIO } from "../Output.js";
import { openResolver } from "../resolver.js";
import { newBearerToken } from "../server/bearerToken.js";
import { DEFAULT_ANSWER_TIMEOUT_MS, DEFAULT_MAX_CONCURRENT } from "../server/createCredentialsHandler.js";
import {
  DEFAULT_GRACE_MS,
  DEFAULT_MAX_CONNECTIONS,
  startCredentialsServer,
} from "../server/startCredentialsServer.js";
import { writeTokenFile } from "../server/writeTokenFile.js";

interface ServeOptions {
  port?: number;
  conn?: string[];
  tokenFile?: string;
  maxConcurrent?: number;
  maxConnections?: number;
  requestTimeout?: number;
}

/**
 * `awsconn serve`: a loopback-only credentials server in the container-credentials format, so any AWS
 * SDK (Python, Go, Java, JS, the AWS CLI...) gets a connection's credentials through
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` + `AWS_CONTAINER_AUTHORIZATION_TOKEN` and refreshes them by
 * itself. Runs until SIGTERM, SIGINT or SIGHUP: then it stops accepting, gives the requests in
 * progress {@link DEFAULT_GRACE_MS} ms, cuts every connection and exits 0 (a second signal stops it at
 * once). The token file, when asked for, is written before the server listens: if it cannot be,
 * nothing listens and the exit code is 1.
 *
 * @example
 * ```sh
 * awsconn serve --port 9911 --conn aws_default --token-file ~/.awsconn-token
 * ```
 */
export function serveCommand(io: CliIO, state: ExitState): Command {
  return new Command("serve")
    .description(
      "serve connections' AWS credentials on 127.0.0.1 in the container-credentials format (token required)",
    )
    .option("--port <n>", "TCP port on 127.0.0.1 (default: a free one)", parsePort)
    .option("--conn <conn_id>", "serve only this connection id (repeatable; default: every id)", collect)
    .option(
      "--token-file <path>",
      "write the token to this file (mode 0600) instead of printing it (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE)",
    )
    .option(
      "--max-concurrent <n>",
      `requests in progress at most; beyond it 503 (default ${DEFAULT_MAX_CONCURRENT})`,
      parsePositive,
    )
    .option(
      "--max-connections <n>",
      `open connections at most; beyond it new ones are closed (default ${DEFAULT_MAX_CONNECTIONS})`,
      parsePositive,
    )
    .option(
      "--request-timeout <seconds>",
      `answer 504 to a request not done in this many seconds (default ${DEFAULT_ANSWER_TIMEOUT_MS / 1000})`,
      parsePositive,
    )
    .addHelpText(
      "after",
      `${examples(
        ["awsconn serve --conn aws_default", "prints the two variables to hand to a program"],
        [
          "awsconn serve --port 9911 --token-file /run/awsconn.token &",
          "then AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:9911/credentials/aws_default AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=/run/awsconn.token python job.py",
        ],
        [
          'curl -H "Authorization: $TOKEN" http://127.0.0.1:9911/connections/warehouse',
          "a connection as Airflow JSON (secrets included)",
        ],
      )}\nPaths: GET /credentials/<conn_id>, GET /connections/<conn_id>, GET /healthz. Every request needs the token\n(Authorization: <token> or Bearer <token>); requests relayed by a proxy (Forwarded, X-Forwarded-*,\nX-Real-IP, Via) get 403.\n`,
    )
    .action(
      action<[], ServeOptions>(io, state, async ({ out, globals }, _args, options) => {
        const connIds = options.conn ?? [];
        for (const id of connIds) validateConnId(id);
        const resolver = await openResolver(globals);
        // The token file first: when it cannot be written, nothing listens.
        const token = newBearerToken();
        if (options.tokenFile) await writeTokenFile(options.tokenFile, token);
        const server = await startCredentialsServer({
          resolver,
          connIds,
          token,
          ...(options.port !== undefined ? { port: options.port } : {}),
          ...(options.maxConcurrent !== undefined ? { maxConcurrent: options.maxConcurrent } : {}),
          ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
          ...(options.requestTimeout !== undefined ? { answerTimeoutMs: options.requestTimeout * 1000 } : {}),
          onRequest: ({ method, path, status }) => out.debug(`${method} ${path} ${status}`),
        });
        const uri =
          connIds.length === 1
            ? server.credentialsUri(connIds[0] as string)
            : `${server.url}/credentials/<conn_id>`;
        // Printed even with --quiet: without them the server cannot be used.
        io.stderr.write(
          [
            `awsconn serve: listening on ${server.url} (${connIds.length ? `connections: ${connIds.join(", ")}` : "every connection"}); SIGTERM or Ctrl-C stops it`,
            `AWS_CONTAINER_CREDENTIALS_FULL_URI=${uri}`,
            options.tokenFile
              ? `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=${options.tokenFile}`
              : `AWS_CONTAINER_AUTHORIZATION_TOKEN=${server.token}`,
            "",
          ].join("\n"),
        );
        const signal = await untilSignal();
        out.info(`awsconn serve: ${signal}, shutting down`);
        await server.close();
        return 0;
      }),
    );
}

// ---------------------------------------------------------------------------------------------

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ["SIGTERM", "SIGINT", "SIGHUP"];
    const on = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, on);
      resolve(signal);
    };
    for (const s of signals) process.on(s, on);
  });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError("a port is 0..65535");
  return n;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError("a whole number >= 1");
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
