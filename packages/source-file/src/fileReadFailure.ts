import { SourceError } from "@awsconn/core";
import { FILE_SOURCE_NAME } from "./fromFile.js";

/**
 * The `SourceError` of a local file that cannot be opened or read: `does not exist (ENOENT)`,
 * `is not readable (permission denied) (EACCES)`, else `cannot be read`; not retryable, the
 * errno error kept as the cause.
 *
 * @example
 * ```ts
 * fileReadFailure("connections file", "./c.yaml", enoent).message; // "file: connections file ./c.yaml does not exist (ENOENT)"
 * ```
 */
export function fileReadFailure(what: string, path: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const how =
    code === "ENOENT"
      ? "does not exist"
      : code === "EACCES"
        ? "is not readable (permission denied)"
        : "cannot be read";
  return new SourceError(`${what} ${path} ${how}${code ? ` (${code})` : ""}`, {
    source: FILE_SOURCE_NAME,
    retryable: false,
    cause: error,
  });
}
