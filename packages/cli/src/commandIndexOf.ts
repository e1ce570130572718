import type { Command } from "commander";

/**
 * Where the command name is in an `awsconn` command line: the index of the first argument that is
 * not a global option (nor the value of one that takes a value, as the program's own option
 * definitions say), or -1 when there is none or `--` comes first.
 *
 * @example
 * ```ts
 * commandIndexOf(["--config", "c.yaml", "credentials", "aws_default"], program); // 2
 * ```
 */
export function commandIndexOf(args: readonly string[], program: Command): number {
  let i = 0;
  while (i < args.length && isOption(args[i])) {
    if (args[i] === "--") return -1;
    i += takesValue([program], args[i] as string) ? 2 : 1;
  }
  return i < args.length ? i : -1;
}

/** True when `arg` is an option of one of `commands` that takes a value and does not carry it (`--x=v`). */
export function takesValue(commands: readonly Command[], arg: string): boolean {
  return (
    !arg.includes("=") &&
    commands.some((c) =>
      c.options.some((o) => (o.long === arg || o.short === arg) && (o.required || o.optional)),
    )
  );
}

/** True for `-x`, `--xyz` and `--`, not for `-` (stdin) or an operand. */
export function isOption(arg: string | undefined): boolean {
  return arg?.startsWith("-") === true && arg !== "-";
}
