import { isAwsconnError, redactForeignError, SourceError } from "@awsconn/core";

/**
 * Keeps awsconn errors as they are and wraps any other error a source threw in a `SourceError`
 * that names the source and the error's class only: a foreign message may quote a secret, so the
 * cause is core's `redactForeignError(error, { withhold: true })` summary (name, code, stack
 * frames; no message), never the source's own error object.
 *
 * @example
 * ```ts
 * toSourceError(new TypeError("boom postgres://u:pw@h"), "custom").message; // "custom: lookup failed (TypeError)"
 * ```
 */
export function toSourceError(error: unknown, source: string): Error {
  if (isAwsconnError(error)) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new SourceError(`lookup failed (${name})`, {
    source,
    cause: redactForeignError(error, { withhold: true }),
  });
}

/** The public shape of an error in `explain` steps and events: name, code and message only. */
export function errorSummary(error: Error): { name: string; code?: string; message: string } {
  const code = (error as { code?: unknown }).code;
  return { name: error.name, ...(typeof code === "string" ? { code } : {}), message: error.message };
}
