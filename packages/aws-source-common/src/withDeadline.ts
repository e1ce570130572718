/**
 * Runs `run` with a deadline of `ms`: after that it rejects with a `TimeoutError`
 * (`code: "ETIMEDOUT"`) and aborts the signal it gave `run`, whatever `run` was waiting for
 * (attempts, backoff between them, a credential provider). The caller's own `signal` ends it the
 * same way, with the caller's reason. Pass the given signal on to the
 * SDK (`client.send(command, { abortSignal })`) so that the request in progress is cut as well.
 *
 * @example
 * ```ts
 * const out = await withDeadline(15_000, signal, (abortSignal) =>
 *   client.send(new GetParameterCommand({ Name: name }), { abortSignal }),
 * );
 * ```
 */
export function withDeadline<T>(
  ms: number,
  signal: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const ended = new Promise<never>((_, reject) => {
    const end = (reason: unknown) => {
      reject(reason);
      controller.abort(reason);
    };
    onAbort = () => end(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    timer = setTimeout(() => {
      const error = new Error(`no complete answer within ${ms} ms (awsconn's deadline for one AWS call)`);
      end(Object.assign(error, { name: "TimeoutError", code: "ETIMEDOUT" }));
    }, ms);
  });
  let work: Promise<T>;
  try {
    work = run(controller.signal);
  } catch (error) {
    work = Promise.reject(error);
  }
  return Promise.race([work, ended]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  });
}
