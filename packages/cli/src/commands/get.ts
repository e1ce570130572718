import { validateConnId } from "@awsconn/core";
import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import type { CliIO } from "../Output.js";
import { connectionOutputJson, connectionText } from "../formatConnection.js";
import { openResolver, provenanceOf } from "../resolver.js";

/**
 * `awsconn get <conn_id>`: the connection as the resolver sees it, with where it came from.
 *
 * @example
 * ```sh
 * awsconn get aws_default --json
 * ```
 */
export function getCommand(io: CliIO, state: ExitState): Command {
  return new Command("get")
    .description("print a connection; the password and secret extras show as *** unless --show-secrets")
    .argument("<conn_id>", "connection id, e.g. aws_default")
    .addHelpText(
      "after",
      examples(
        ["awsconn get aws_default", "the winning connection and its origin"],
        ["awsconn get aws_default --json", "Airflow's snake_case fields plus source and origin"],
        ["awsconn get aws_default --json --show-secrets | jq -r .password", "the real password"],
        ["awsconn --config awsconn.config.yaml get warehouse", "with an explicit config file"],
      ),
    )
    .action(
      action<[string], object>(io, state, async ({ out, globals }, [connId]) => {
        validateConnId(connId);
        const resolver = await openResolver(globals);
        const result = await resolver.resolve(connId);
        const json = connectionOutputJson(
          result.connection,
          provenanceOf(result),
          globals.showSecrets === true,
        );
        if (globals.json) out.json(json);
        else out.data(connectionText(json, out.out.dim));
        return 0;
      }),
    );
}
