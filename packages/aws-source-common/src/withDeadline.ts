import { settleWithin } from "./settleWithin.js";

/**
 * Runs `run` with a deadline of `ms`: after that it rejects with a `TimeoutError`
 * (`code: "ETIMEDOUT"`) and aborts the signal it gave `run`, whatever `run` was waiting for
 * (attempts, backoff between them, a credential provider). The caller's own `signal` ends it the
 * same way, with the caller's reason. Pass the given signal on to the
 * SDK (`client.send(command, { abortSignal })`) so that the request in progress is cut as well.
 * For one SDK call, {@link sendWithin} is cheaper with awsconn's own clients.
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
  let work: Promise<T>;
  try {
    work = run(controller.signal);
  } catch (error) {
    work = Promise.reject(error);
  }
  return settleWithin(ms, signal, work, controller);
}
