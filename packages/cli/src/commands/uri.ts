import { validateConnId } from "@awsconn/core";
import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import type { CliIO } from "../Output.js";
import { displayUri } from "../formatConnection.js";
import { openResolver } from "../resolver.js";

/**
 * `awsconn uri <conn_id>`: the connection in Airflow's URI form (an `AIRFLOW_CONN_*` value).
 *
 * @example
 * ```sh
 * export AIRFLOW_CONN_AWS_DEFAULT="$(awsconn uri aws_default --show-secrets)"
 * ```
 */
export function uriCommand(io: CliIO, state: ExitState): Command {
  return new Command("uri")
    .description("print a connection as an Airflow URI; secrets show as *** unless --show-secrets")
    .argument("<conn_id>", "connection id, e.g. aws_default")
    .addHelpText(
      "after",
      examples(
        ["awsconn uri aws_default", "for reading: the password shows as ***"],
        [
          'export AIRFLOW_CONN_AWS_DEFAULT="$(awsconn uri aws_default --show-secrets)"',
          "a usable AIRFLOW_CONN_* value",
        ],
      ),
    )
    .action(
      action<[string], object>(io, state, async ({ out, globals }, [connId]) => {
        validateConnId(connId);
        const resolver = await openResolver(globals);
        const connection = await resolver.get(connId);
        const uri = displayUri(connection, globals.showSecrets === true);
        if (globals.json) out.json({ conn_id: connId, uri });
        else out.data(uri);
        return 0;
      }),
    );
}
