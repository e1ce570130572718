import { SourceError } from "@awsconn/core";

const refusals = new WeakSet<Error>();

/**
 * The error a lazily loaded source (an AWS source, a plugin) gives from `list()` (or a Variable
 * source from `listVariables()`) when, once loaded, it turns out to have no such method: a
 * capability it lacks, not a failure.
 *
 * @example
 * ```ts
 * throw cannotListError("vault");
 * throw cannotListError("ssm", "Variables"); // "ssm: cannot list Variables (the source has no listVariables())"
 * ```
 */
export function cannotListError(
  source: string,
  what: "connections" | "Variables" = "connections",
): SourceError {
  const method = what === "connections" ? "list()" : "listVariables()";
  const error = new SourceError(`cannot list ${what} (the source has no ${method})`, { source });
  refusals.add(error);
  return error;
}

/**
 * True for the error of {@link cannotListError}: callers that list every source (`awsconn list`)
 * skip such a source as they skip one without `list()`.
 *
 * @example
 * ```ts
 * try { for await (const id of source.list()) ids.push(id); } catch (e) { if (!isCannotList(e)) throw e; }
 * ```
 */
export function isCannotList(error: unknown): boolean {
  return error instanceof Error && refusals.has(error);
}
