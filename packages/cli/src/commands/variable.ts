import { REDACTED, isSensitiveVariableKey } from "@awsconn/core";
import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import type { CliIO } from "../Output.js";
import { openResolver } from "../resolver.js";
import { variableExplainCommand } from "./variableExplain.js";
import { variableListCommand } from "./variableList.js";

/**
 * `awsconn variable get|list|explain`. `get <key>`: an Airflow Variable from the configured sources, in priority order
 * (`AIRFLOW_VAR_<KEY>`, a file entry's `variablesPath`, Secrets Manager `airflow/variables/<key>`,
 * SSM `/airflow/variables/<key>`). The value of a key Airflow's secrets masker would hide
 * (`password`, `token`, `secret`, `api_key`...) prints as `***` unless `--show-secrets`.
 * Exit 3 when no source has it.
 *
 * @example
 * ```sh
 * awsconn variable get region            # eu-west-1
 * awsconn variable get api_token --json  # {"key":"api_token","value":"***","source":"ssm",...}
 * awsconn variable list                  # env<TAB>region (see variableListCommand)
 * awsconn variable explain region        # every source consulted (see variableExplainCommand)
 * ```
 */
export function variableCommand(io: CliIO, state: ExitState): Command {
  const get = new Command("get")
    .description("print an Airflow Variable's value; secret-looking keys show *** unless --show-secrets")
    .argument("<key>", "Variable key, e.g. region")
    .addHelpText(
      "after",
      examples(
        ["awsconn variable get region", "the raw value"],
        ["awsconn variable get region --json", "with the source and origin it came from"],
        ["awsconn variable get slack_token --show-secrets", "a key that looks secret, shown"],
      ),
    )
    .action(
      action<[string], object>(io, state, async ({ out, globals }, [key]) => {
        const resolver = await openResolver(globals);
        const found = await resolver.getVariable(key);
        const hidden = isSensitiveVariableKey(key) && globals.showSecrets !== true;
        const value = hidden ? REDACTED : found.value;
        if (globals.json) out.json({ key, ...found, value });
        else out.data(value);
        return 0;
      }),
    );
  return new Command("variable")
    .description("read Airflow Variables (AIRFLOW_VAR_*, variables files, Secrets Manager, SSM)")
    .addHelpText(
      "after",
      examples(
        ["awsconn variable get region", "a Variable's raw value"],
        ["awsconn variable list", "the keys each source can list"],
        ["awsconn variable explain region", "which source had it, and why the others did not"],
      ),
    )
    .addCommand(get)
    .addCommand(variableListCommand(io, state))
    .addCommand(variableExplainCommand(io, state));
}
