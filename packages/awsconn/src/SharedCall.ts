/**
 * One backend call that several callers may wait for. The call gets its own `AbortSignal`, which
 * aborts only when every caller that joined has given up: one caller's abort never cancels a call
 * that others still wait for. A call that a caller without a signal waits for can never be given
 * up by all, so it gets no signal (and no `AbortController` is made for it).
 *
 * @example
 * ```ts
 * const call = new SharedCall();
 * const leave = call.join(callerSignal);
 * await source.get(id, call.options());
 * leave();
 * ```
 */
export class SharedCall {
  #controller: AbortController | undefined;
  #waiters = 0;
  #done = false;
  /** A caller without a signal joined: it waits until the call settles, so nothing can abort it. */
  #kept = false;
  /**
   * The cache's random draw for the lifetimes of this call's answers, one per call, so that the ids
   * of one batch call expire together (set by the cache on the first answer).
   */
  lifetimeDraw: number | undefined;

  /** The options to pass to the backend call: its signal, unless it can never be aborted. */
  options(): { signal?: AbortSignal } {
    if (this.#kept && !this.#controller) return {};
    this.#controller ??= new AbortController();
    return { signal: this.#controller.signal };
  }

  /** True once every caller gave up on the call (before it settled). */
  get aborted(): boolean {
    return this.#controller?.signal.aborted ?? false;
  }

  /**
   * Registers a caller; returns the function to call when the caller stops waiting (settled or aborted).
   * A caller without a signal keeps the call alive until it settles.
   */
  join(signal: AbortSignal | undefined): () => void {
    this.#waiters++;
    if (!signal) this.#kept = true;
    let left = false;
    const leave = (aborted: boolean): void => {
      if (left) return;
      left = true;
      signal?.removeEventListener("abort", onAbort);
      this.#waiters--;
      if (aborted && this.#waiters === 0 && !this.#done) {
        this.#controller ??= new AbortController();
        this.#controller.abort(signal?.reason);
      }
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
