import { type Connection, ConnectionNotFoundError, connectionToUri, validateConnId } from "@awsconn/core";
import { Command } from "commander";
import { type ExitState, action, examples } from "../context.js";
import { UsageError } from "../exitCodes.js";
import type { CliIO } from "../Output.js";
import { openTarget } from "../openTarget.js";
import { type CliResolver, openResolver } from "../resolver.js";

interface CopyOptions {
  to: string;
  from?: string;
  dryRun?: boolean;
}

/** What `copy` did (or, with `--dry-run`, would do) for one id. */
interface CopyStep {
  conn_id: string;
  action: "create" | "update" | "unchanged";
  from: string;
  to: string;
}

/**
 * `awsconn copy <conn_id>... --to secretsmanager|ssm|file:PATH`: writes connections, as the resolver
 * (or `--from SOURCE`) sees them, into another place. Never prints a secret.
 *
 * @example
 * ```sh
 * awsconn --config awsconn.config.yaml copy aws_default warehouse --to secretsmanager --dry-run
 * ```
 */
export function copyCommand(io: CliIO, state: ExitState): Command {
  return new Command("copy")
    .description("copy connections into Secrets Manager, SSM or a file (created with mode 0600)")
    .argument("<conn_id...>", "connection ids")
    .requiredOption("--to <target>", "secretsmanager | ssm | file:PATH (.json, .yaml, .yml, .env)")
    .option(
      "--from <source>",
      "read only from this configured source (default: the winner of the priority chain)",
    )
    .option("--dry-run", "only list what would change")
    .addHelpText(
      "after",
      examples(
        [
          "awsconn --config awsconn.config.yaml copy aws_default --to secretsmanager --dry-run",
          "what would change",
        ],
        [
          "awsconn --config awsconn.config.yaml copy aws_default warehouse --to ssm",
          "into SSM (SecureString)",
        ],
        ["awsconn copy aws_default --from secretsmanager --to file:./backup.yaml", "back into a local file"],
      ),
    )
    .action(
      action<[string[]], CopyOptions>(io, state, async ({ out, globals }, [connIds], options) => {
        for (const id of connIds) validateConnId(id);
        const resolver = await openResolver(globals);
        const target = await openTarget(options.to, resolver);
        const steps: CopyStep[] = [];
        for (const connId of connIds) {
          const { connection, origin } = await read(resolver, connId, options.from);
          const existing = await target.source.get(connId);
          const step: CopyStep = {
            conn_id: connId,
            action: !existing
              ? "create"
              : connectionToUri(existing.connection) === connectionToUri(connection)
                ? "unchanged"
                : "update",
            from: origin,
            to: existing?.origin ?? target.label,
          };
          if (!options.dryRun && step.action !== "unchanged") await target.source.put(connection);
          steps.push(step);
          if (!globals.json)
            out.data(
              `${verb(step.action, options.dryRun === true).padEnd(12)} ${connId}  ${step.from} -> ${step.to}`,
            );
        }
        if (globals.json) out.json({ dry_run: options.dryRun === true, steps });
        else if (options.dryRun) out.info("dry run: nothing was written");
        return 0;
      }),
    );
}

async function read(
  resolver: CliResolver,
  connId: string,
  from: string | undefined,
): Promise<{ connection: Connection; origin: string }> {
  if (!from) {
    const result = await resolver.resolve(connId);
    const layers = result.merged && result.merged.length > 1 ? result.merged : [result];
    return { connection: result.connection, origin: layers.map((l) => l.origin).join(" + ") };
  }
  const source = resolver.sources?.find((s) => s.name === from);
  if (!source) throw new UsageError(`--from: no configured source is named "${from}"`);
  const hit = await source.get(connId);
  if (!hit) throw new ConnectionNotFoundError(connId, [from]);
  return { connection: hit.connection, origin: hit.origin };
}

function verb(act: CopyStep["action"], dryRun: boolean): string {
  if (act === "unchanged") return "unchanged";
  if (dryRun) return `would ${act}`;
  return act === "create" ? "created" : "updated";
}
