import type { VariableExplanation } from "awsconn";
import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import { explainJson, explainText } from "../formatExplain.js";
import type { CliIO } from "../Output.js";
import { openResolver } from "../resolver.js";
import { explainExit } from "./explain.js";

/**
 * `awsconn variable explain <key>`: every Variable source consulted for the key, in priority order,
 * with outcome, time, cache state and origin (as `awsconn explain` for a connection). It never
 * prints a value, whatever the key. Exit 0 when found, 3 when no source has it, 4 when a source
 * failed and stopped the lookup, 5 when a variables file is malformed.
 *
 * @example
 * ```sh
 * awsconn variable explain region
 * awsconn variable explain region --json   # {"key":"region","config":{...},"winner":{...},"steps":[...]}
 * ```
 */
export function variableExplainCommand(io: CliIO, state: ExitState): Command {
  return new Command("explain")
    .description(
      "show every source consulted for a Variable: outcome, time, origin, cache state (never the value)",
    )
    .argument("<key>", "Variable key, e.g. region")
    .addHelpText(
      "after",
      examples(
        ["awsconn variable explain region", "which source had it, and why the others did not"],
        ["awsconn variable explain region --json", "the same as JSON"],
        ["AIRFLOW_VAR_REGION=eu-west-1 awsconn variable explain region", "see an env Variable win"],
      ),
    )
    .action(
      action<[string], object>(io, state, async ({ out, globals }, [key]) => {
        const resolver = await openResolver(globals);
        const explanation = await resolver.explainVariable(key);
        const asConnection = { connId: key, winner: explanation.winner, steps: explanation.steps };
        if (globals.json) out.json(variableExplainJson(explanation, explainJson(asConnection, resolver)));
        else out.data(explainText(asConnection, out.out, resolver));
        return explainExit(explanation);
      }),
    );
}

/** The `--json` object: `explain --json`'s, keyed by `key` instead of `conn_id`. */
function variableExplainJson(e: VariableExplanation, json: Record<string, unknown>): Record<string, unknown> {
  const { conn_id: _connId, ...rest } = json;
  return { key: e.key, ...rest };
}
