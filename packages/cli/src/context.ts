import type { Command } from "commander";
import { type CliIO, Output } from "./Output.js";

/** The flags every command accepts. */
export interface GlobalOptions {
  /** `--config FILE`: the awsconn config file (else AWSCONN_CONFIG, ./awsconn.config.*, Airflow's settings, env). */
  config?: string;
  /** `--team NAME`: the Airflow team the lookups are made for (else the config's `team`, AWSCONN_TEAM). */
  team?: string;
  /** `--json`: machine-readable output. */
  json?: boolean;
  /** `--show-secrets`: print passwords and secret extras instead of `***`. */
  showSecrets?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** false with `--no-color`. */
  color?: boolean;
  /** Not a flag: prints a `--verbose` debug line (set by {@link action}). */
  debug?: (message: string) => void;
  /** Not a flag: prints a warning unless `--quiet` (set by {@link action}). */
  warn?: (message: string) => void;
}

/** What a command's action receives. */
export interface CommandContext {
  io: CliIO;
  out: Output;
  globals: GlobalOptions;
}

/** A command body: returns its exit code (default 0) or throws an error that maps to one. */
export type CommandBody<A extends unknown[], O> = (
  ctx: CommandContext,
  args: A,
  options: O,
) => Promise<number | undefined>;

/** Holds the exit code the last action chose, and its output once the flags are known. */
export interface ExitState {
  code: number;
  out?: Output;
}

/**
 * Wraps a command body as a commander action: builds the {@link CommandContext} from the global
 * flags and records the body's exit code.
 *
 * @example
 * ```ts
 * new Command("get").argument("<conn_id>").action(action(io, state, async (ctx, [id]) => { ctx.out.data(id); return 0; }));
 * ```
 */
export function action<A extends unknown[], O>(io: CliIO, state: ExitState, body: CommandBody<A, O>) {
  return async (...all: unknown[]): Promise<void> => {
    const command = all[all.length - 1] as Command;
    const options = all[all.length - 2] as O;
    const args = all.slice(0, -2) as A;
    const globals = command.optsWithGlobals() as GlobalOptions;
    const out = new Output(io, { color: globals.color, quiet: globals.quiet, verbose: globals.verbose });
    state.out = out;
    globals.debug = (message) => out.debug(message);
    globals.warn = (message) => out.warn(message);
    state.code = (await body({ io, out, globals }, args, options)) ?? 0;
  };
}

/**
 * Formats an "Examples:" block for `--help`.
 *
 * @example
 * ```ts
 * cmd.addHelpText("after", examples(["awsconn get aws_default", "print one connection"]));
 * ```
 */
export function examples(...rows: [command: string, what: string][]): string {
  return `\nExamples:\n${rows.map(([c, w]) => `  # ${w}\n  $ ${c}`).join("\n")}\n`;
}
