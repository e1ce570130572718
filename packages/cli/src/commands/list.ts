import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import { UsageError } from "../exitCodes.js";
import type { CliIO } from "../Output.js";
import { openResolver } from "../resolver.js";
import { isCannotList } from "awsconn";

interface ListOptions {
  source?: string;
}

/**
 * `awsconn list`: the connection ids each configured source can list, in priority order.
 *
 * @example
 * ```sh
 * awsconn list --source secretsmanager
 * ```
 */
export function listCommand(io: CliIO, state: ExitState): Command {
  return new Command("list")
    .description(
      "list the connection ids each configured source holds (sources that cannot list are skipped)",
    )
    .option("--source <name>", "only this source (env, file, secretsmanager, ssm, ...)")
    .addHelpText(
      "after",
      examples(
        ["awsconn list", "every source, as `source<TAB>conn_id` lines"],
        ["awsconn list --source secretsmanager --json", "one source, as JSON"],
      ),
    )
    .action(
      action<[], ListOptions>(io, state, async ({ out, globals }, _args, options) => {
        const resolver = await openResolver(globals);
        const sources = (resolver.sources ?? []).filter((s) => !options.source || s.name === options.source);
        if (options.source && sources.length === 0) {
          const names = (resolver.sources ?? []).map((s) => s.name).join(", ") || "none";
          throw new UsageError(`no configured source is named "${options.source}" (configured: ${names})`);
        }
        const result: Record<string, string[]> = {};
        for (const source of sources) {
          if (!source.list) {
            out.info(`${source.name}: cannot list; skipped`);
            continue;
          }
          const ids: string[] = [];
          try {
            for await (const id of source.list()) ids.push(id);
          } catch (error) {
            if (!isCannotList(error)) throw error;
            out.info(`${source.name}: cannot list; skipped`);
            continue;
          }
          result[source.name] = ids.sort();
        }
        if (globals.json) out.json(result);
        else
          for (const [name, ids] of Object.entries(result)) for (const id of ids) out.data(`${name}\t${id}`);
        return 0;
      }),
    );
}
