/**
 * Waits for `promise`, or rejects with the signal's reason as soon as `signal` aborts (the
 * promise itself keeps running for whoever else waits for it).
 *
 * @example
 * ```ts
 * const value = await raceAbort(sharedFlight, AbortSignal.timeout(2000));
 * ```
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
