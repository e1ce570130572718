import type { Command } from "commander";
import { commandIndexOf, isOption, takesValue } from "./commandIndexOf.js";

/**
 * The command line with `--` put before the program of `awsconn exec`, so that option parsing stops
 * at the program and everything after it reaches the program untouched (`awsconn exec aws_default
 * aws s3 ls --recursive --json` keeps both flags for `aws`). Options before the program are read
 * with commander's own definitions (the global ones and exec's, with their values); a line that
 * already has `--`, or is not `exec`, is returned as it is.
 *
 * @example
 * ```ts
 * protectExecCommand(["exec", "aws_default", "aws", "--json"], program); // ["exec", "aws_default", "--", "aws", "--json"]
 * ```
 */
export function protectExecCommand(args: readonly string[], program: Command): string[] {
  const exec = program.commands.find((c) => c.name() === "exec");
  let i = commandIndexOf(args, program);
  if (!exec || i < 0 || args[i] !== "exec") return [...args];
  let operands = 0;
  for (i++; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") return [...args];
    if (isOption(arg)) {
      if (takesValue([program, exec], arg)) i++;
    } else if (++operands === 2) {
      return [...args.slice(0, i), "--", ...args.slice(i)];
    }
  }
  return [...args];
}
