import { isAwsconnError } from "@awsconn/core";

/**
 * The exit codes of `awsconn`, stable for scripts.
 *
 * @example
 * ```sh
 * awsconn get warehouse; [ $? -eq 3 ] && echo "not configured"
 * ```
 */
export const EXIT = {
  /** Success. */
  OK: 0,
  /** An unexpected internal failure (a bug, or an error awsconn does not classify). */
  FAILURE: 1,
  /** Usage: unknown command or flag, missing argument, invalid connection id. */
  USAGE: 2,
  /** No source has the connection (or the Variable). */
  NOT_FOUND: 3,
  /** A source (Secrets Manager, SSM, STS, ...) failed. */
  SOURCE_FAILED: 4,
  /** Invalid connection data or configuration (also: `check` found problems). */
  INVALID: 5,
} as const;

/** One of the {@link EXIT} values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Maps an error to the exit code documented in the README: awsconn errors by their `code`,
 * anything else to 1.
 *
 * @example
 * ```ts
 * exitCodeFor(new ConnectionNotFoundError("x")); // 3
 * ```
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.USAGE;
  if (!isAwsconnError(error)) return EXIT.FAILURE;
  switch (error.code) {
    case "INVALID_CONN_ID":
      return EXIT.USAGE;
    case "NOT_FOUND":
    case "VARIABLE_NOT_FOUND":
      return EXIT.NOT_FOUND;
    case "SOURCE_FAILED":
      return EXIT.SOURCE_FAILED;
    case "INVALID_CONNECTION":
    case "INVALID_CONFIG":
      return EXIT.INVALID;
    default:
      return EXIT.FAILURE;
  }
}

/**
 * A wrong command line that the argument parser cannot see by itself (a bad `--to` target,
 * a bad `--format`). Exits with 2.
 *
 * @example
 * ```ts
 * throw new UsageError('--to must be secretsmanager, ssm or file:PATH, got "s3"');
 * ```
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
