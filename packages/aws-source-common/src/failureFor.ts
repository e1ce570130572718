import { toSourceError } from "./toSourceError.js";

/**
 * What a failed AWS call of source `sourceName` throws: the abort reason when the caller's
 * `signal` was aborted (so an abort surfaces as the caller's own reason), else
 * {@link toSourceError} naming the operation and its target, with `secrets` scrubbed.
 *
 * @example
 * ```ts
 * const fail = failureFor("ssm");
 * try { await client.send(command, { abortSignal: signal }); }
 * catch (error) { throw await fail(error, "GetParameter", name, signal); }
 * ```
 */
export function failureFor(
  sourceName: string,
): (
  error: unknown,
  operation: string,
  target: string,
  signal?: AbortSignal,
  secrets?: readonly string[],
) => Promise<unknown> {
  return async (error, operation, target, signal, secrets) => {
    if (signal?.aborted) return signal.reason;
    return toSourceError(error, {
      source: sourceName,
      what: `${operation} ${JSON.stringify(target)}`,
      ...(secrets ? { secrets } : {}),
    });
  };
}
