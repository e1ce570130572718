import { withDeadline } from "./withDeadline.js";

/**
 * How {@link awsPages} runs each page's request.
 *
 * @example
 * ```ts
 * const call: PageCall = { deadlineMs: 15_000, signal, fail: (e) => fail(e, "ListSecrets", head, signal) };
 * ```
 */
export interface PageCall {
  /** The deadline of each page's request, over all its attempts (`callDeadlineMs(init)`). */
  deadlineMs: number;
  /** The caller's signal: aborts the page in progress, and so the listing. */
  signal?: AbortSignal | undefined;
  /** What a failed page throws instead of the SDK error (`(e) => fail(e, "ListSecrets", head, signal)`). */
  fail: (error: unknown) => Promise<unknown>;
}

/**
 * The pages of an SDK paginator (`paginateListSecrets`, `paginateGetParametersByPath`...), each
 * request under its own deadline ({@link withDeadline}), fetched only as the caller iterates;
 * `pick` takes what the caller wants from each page. The paginator gets one signal for the whole
 * listing, aborted when a page runs out of time or the caller aborts. A failed page ends the
 * iteration with `call.fail(error)`; stopping early closes the paginator.
 *
 * @example
 * ```ts
 * const names = awsPages(
 *   { deadlineMs, signal, fail: (e) => fail(e, "ListSecrets", head, signal) },
 *   (abortSignal) => paginateListSecrets({ client: c }, {}, { abortSignal }),
 *   (page) => (page.SecretList ?? []).map((s) => s.Name),
 * );
 * ```
 */
export async function* awsPages<P, T>(
  call: PageCall,
  paginate: (abortSignal: AbortSignal) => AsyncIterable<P>,
  pick: (page: P) => T,
): AsyncGenerator<T, void, undefined> {
  const listing = new AbortController();
  let iterator: AsyncIterator<P> | undefined;
  let done = false;
  try {
    iterator = paginate(listing.signal)[Symbol.asyncIterator]();
    const pages = iterator;
    while (true) {
      let next: IteratorResult<P>;
      try {
        next = await withDeadline(call.deadlineMs, call.signal, (pageSignal) => {
          pageSignal.addEventListener("abort", () => listing.abort(pageSignal.reason), { once: true });
          return pages.next();
        });
      } catch (error) {
        done = true;
        throw await call.fail(error);
      }
      if (next.done) {
        done = true;
        return;
      }
      yield pick(next.value);
    }
  } finally {
    // The caller stopped early: close the paginator (it is waiting at a page it yielded).
    if (!done) await iterator?.return?.();
  }
}
