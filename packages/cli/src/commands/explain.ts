import { validateConnId } from "@awsconn/core";
import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import { EXIT, type ExitCode } from "../exitCodes.js";
import type { CliIO } from "../Output.js";
import { explainJson, explainText } from "../formatExplain.js";
import { type ExplanationLike, openResolver } from "../resolver.js";

/**
 * `awsconn explain <conn_id>`: every source consulted, in priority order, with outcome, time and origin.
 * Exits 3 when no source has the id; when a source stopped the lookup, 4 (it failed) or 5 (its data is
 * malformed). The steps are printed first.
 *
 * @example
 * ```sh
 * awsconn explain aws_default
 * ```
 */
export function explainCommand(io: CliIO, state: ExitState): Command {
  return new Command("explain")
    .description("show every source consulted for a connection: outcome, time, origin, cache state")
    .argument("<conn_id>", "connection id, e.g. aws_default")
    .addHelpText(
      "after",
      examples(
        ["awsconn explain aws_default", "which source won, and why the others did not"],
        ["awsconn explain aws_default --json", "the same as JSON"],
        ["AIRFLOW_CONN_AWS_DEFAULT=aws:// awsconn explain aws_default", "see an env override win"],
      ),
    )
    .action(
      action<[string], object>(io, state, async ({ out, globals }, [connId]) => {
        validateConnId(connId);
        const resolver = await openResolver(globals);
        const explanation = await resolver.explain(connId);
        if (globals.json) out.json(explainJson(explanation, resolver));
        else out.data(explainText(explanation, out.out, resolver));
        return explainExit(explanation);
      }),
    );
}

/**
 * The exit code of an explanation (a connection's or a Variable's): 0 when a source had it, 3 when
 * none had it, 4 when a source failed and stopped the lookup, 5 when its data is malformed.
 *
 * @example
 * ```ts
 * return explainExit(await resolver.explain("aws_default"));
 * ```
 */
export function explainExit(explanation: Pick<ExplanationLike, "winner" | "steps">): ExitCode {
  if (explanation.winner) return EXIT.OK;
  const failed = explanation.steps.find((s) => s.outcome === "error");
  if (!failed) return EXIT.NOT_FOUND;
  return failed.error?.code === "INVALID_CONNECTION" ? EXIT.INVALID : EXIT.SOURCE_FAILED;
}
