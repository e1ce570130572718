import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import { UsageError } from "../exitCodes.js";
import type { CliIO } from "../Output.js";
import { openResolver } from "../resolver.js";

interface ListOptions {
  source?: string;
}

/**
 * `awsconn variable list`: the Variable keys each configured source can list, in priority order:
 * env its `AIRFLOW_VAR_*` keys (lower-cased), a file entry's `variablesPath` its keys, Secrets
 * Manager the keys under its variables prefix (`ListSecrets`), SSM those under its path
 * (`GetParametersByPath`), each with the source's lookup pattern and team rules. A source that
 * cannot list (a plugin without `listVariables`) is named on stderr ("cannot list Variables") and
 * is `null` in `--json`; a source that fails (AccessDenied...) fails the command, as `awsconn list`
 * does. Keys only, never values.
 *
 * @example
 * ```sh
 * awsconn variable list            # env<TAB>region ... ssm<TAB>bucket
 * awsconn variable list --json     # {"env":["region"],"file":["bucket"],"ssm":["bucket"]}
 * ```
 */
export function variableListCommand(io: CliIO, state: ExitState): Command {
  return new Command("list")
    .description("list the Variable keys each configured source holds (keys only, never values)")
    .option("--source <name>", "only this source (env, file, secretsmanager, ssm, ...)")
    .addHelpText(
      "after",
      examples(
        ["awsconn variable list", "every source, as `source<TAB>key` lines"],
        ["awsconn variable list --source file --json", "one source, as JSON"],
        ["awsconn variable list --source ssm", "the keys under /airflow/variables"],
      ),
    )
    .action(
      action<[], ListOptions>(io, state, async ({ out, globals }, _args, options) => {
        const resolver = await openResolver(globals);
        const all = await resolver.listVariables();
        const listings = all.filter((l) => !options.source || l.source === options.source);
        if (options.source && listings.length === 0) {
          const names = all.map((l) => l.source).join(", ") || "none";
          throw new UsageError(
            `no configured Variable source is named "${options.source}" (configured: ${names})`,
          );
        }
        const result: Record<string, string[] | null> = {};
        for (const listing of listings) {
          result[listing.source] = listing.keys;
          if (listing.keys === null)
            out.info(`${listing.source}: cannot list Variables (not supported for this source); skipped`);
        }
        if (globals.json) out.json(result);
        else
          for (const [name, keys] of Object.entries(result))
            for (const key of keys ?? []) out.data(`${name}\t${key}`);
        return 0;
      }),
    );
}
