import { settleWithin } from "./settleWithin.js";
import { withDeadline } from "./withDeadline.js";

/** An AWS SDK v3 client, as {@link sendWithin} uses it. */
export interface SdkSender {
  // biome-ignore lint/suspicious/noExplicitAny: the SDK clients' overloaded send, for any command
  send(command: any, options?: { abortSignal?: AbortSignal }): Promise<any>;
  /** `cacheMiddleware: true` marks a client made from `createAwsClientConfig`. */
  config?: { cacheMiddleware?: boolean };
}

/** An SDK command whose output is `O`. */
export interface SdkCommand<O> {
  resolveMiddleware(stack: never, config: never, options: never): (args: never) => Promise<{ output: O }>;
}

/**
 * One AWS call of a source, ended within `ms` (a `TimeoutError`) or by the caller's `signal` (its
 * reason), whatever the call was waiting for.
 *
 * A client made from `createAwsClientConfig` (`cacheMiddleware: true`) is sent the command with no
 * options, so the SDK reuses the client's resolved middleware stack (options, even an
 * `abortSignal` alone, make it resolve the stack anew: about 80 µs of CPU per call, measured); the
 * deadline and the signal are a race, and a request left behind ends at its own timeouts
 * (`maxAttempts` x (connect + request timeout)). Any other client (a caller's ready `client`,
 * whose timeouts are unknown) gets the `abortSignal` of {@link withDeadline}, so the request in
 * progress is cut.
 *
 * @example
 * ```ts
 * const out = await sendWithin(client, new GetParameterCommand({ Name: name }), 15_000, signal);
 * ```
 */
export function sendWithin<O>(
  client: SdkSender,
  command: SdkCommand<O>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<O> {
  if (client.config?.cacheMiddleware !== true) {
    return withDeadline(ms, signal, (abortSignal) => client.send(command, { abortSignal }));
  }
  if (signal?.aborted) return Promise.reject(signal.reason);
  return settleWithin(ms, signal, client.send(command) as Promise<O>);
}
