import { readFileSync } from "node:fs";
import { isatty } from "node:tty";

/**
 * Signals a terminal sends to its whole foreground process group: Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT)
 * and a resize (SIGWINCH). A child of `awsconn exec` shares awsconn's process group, so when awsconn
 * runs in the foreground of a terminal the child has already received them.
 *
 * @example
 * ```ts
 * TERMINAL_SIGNALS.includes("SIGINT"); // true
 * ```
 */
export const TERMINAL_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGQUIT", "SIGWINCH"];

/**
 * Whether a terminal signal that reached this process reached its children too: the process is in
 * the foreground process group of its controlling terminal (Linux: `/proc/self/stat`, `tpgid` equals
 * `pgrp`) and talks to a terminal on stdin, stdout or stderr. Where `/proc` is missing (macOS), a
 * terminal on stdio is taken as the foreground one. A signal sent to awsconn alone (`kill -INT
 * <pid>`) cannot be told apart from the terminal's in that situation; it is then not passed on.
 *
 * @example
 * ```ts
 * if (!(TERMINAL_SIGNALS.includes(signal) && terminalSignalsReachChildren())) child.kill(signal);
 * ```
 */
export function terminalSignalsReachChildren(): boolean {
  if (![0, 1, 2].some((fd) => isatty(fd))) return false;
  let stat: string;
  try {
    stat = readFileSync("/proc/self/stat", "utf8");
  } catch {
    return true;
  }
  // pid (comm) state ppid pgrp session tty_nr tpgid ...; comm may hold spaces and parentheses.
  const [, , pgrp, , ttyNr, tpgid] = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  return ttyNr !== 0 && tpgid !== undefined && tpgid > 0 && tpgid === pgrp;
}
