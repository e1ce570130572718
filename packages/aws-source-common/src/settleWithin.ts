/**
 * Settles with `work`, unless `ms` pass first (then rejects with a `TimeoutError`, `code:
 * "ETIMEDOUT"`) or `signal` aborts first (then rejects with its reason); either way `controller`,
 * when given, is aborted with that reason, so the work can stop too. One timer and at most one
 * abort listener, both gone once it settles.
 *
 * @example
 * ```ts
 * await settleWithin(15_000, signal, client.send(command));
 * ```
 */
export function settleWithin<T>(
  ms: number,
  signal: AbortSignal | undefined,
  work: Promise<T>,
  controller?: AbortController,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      if (signal) signal.removeEventListener("abort", onAbort);
    };
    const end = (reason: unknown) => {
      done();
      reject(reason);
      controller?.abort(reason);
    };
    const onAbort = () => end(signal?.reason);
    const timer = setTimeout(() => end(deadlineError(ms)), ms);
    if (signal) signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

function deadlineError(ms: number): Error {
  const error = new Error(`no complete answer within ${ms} ms (awsconn's deadline for one AWS call)`);
  return Object.assign(error, { name: "TimeoutError", code: "ETIMEDOUT" });
}
