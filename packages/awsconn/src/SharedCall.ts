/**
 * One backend call that several callers may wait for. The call gets its own `AbortSignal`, which
 * aborts only when every caller that joined has given up: one caller's abort never cancels a call
 * that others still wait for.
 *
 * @example
 * ```ts
 * const call = new SharedCall();
 * const leave = call.join(callerSignal);
 * await source.get(id, { signal: call.signal });
 * leave();
 * ```
 */
export class SharedCall {
  readonly #controller = new AbortController();
  #waiters = 0;
  #done = false;

  /** The signal to pass to the backend call. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * Registers a caller; returns the function to call when the caller stops waiting (settled or aborted).
   * A caller without a signal keeps the call alive until it settles.
   */
  join(signal: AbortSignal | undefined): () => void {
    this.#waiters++;
    let left = false;
    const leave = (aborted: boolean): void => {
      if (left) return;
      left = true;
      signal?.removeEventListener("abort", onAbort);
      this.#waiters--;
      if (aborted && this.#waiters === 0 && !this.#done) this.#controller.abort(signal?.reason);
    };
    const onAbort = (): void => leave(true);
    signal?.addEventListener("abort", onAbort, { once: true });
    return () => leave(false);
  }

  /** Marks the call finished; later leaves no longer abort it. */
  settle(): void {
    this.#done = true;
  }
}
