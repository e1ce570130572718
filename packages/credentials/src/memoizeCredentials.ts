import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

/**
 * Refresh temporary credentials this long before they expire (5 minutes, as the AWS SDKs do).
 *
 * @example
 * ```ts
 * memoizeCredentials(provider, { refreshWindowMs: DEFAULT_REFRESH_WINDOW_MS * 2 });
 * ```
 */
export const DEFAULT_REFRESH_WINDOW_MS = 5 * 60 * 1000;

/**
 * Options of {@link memoizeCredentials}.
 *
 * @example
 * ```ts
 * let now = 0;
 * const init: MemoizeCredentialsInit = { now: () => now, refreshWindowMs: 60_000 };
 * ```
 */
export interface MemoizeCredentialsInit {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Refresh this many ms before `expiration`. Default {@link DEFAULT_REFRESH_WINDOW_MS}. */
  refreshWindowMs?: number;
}

/**
 * Wraps a credentials provider so that:
 * - credentials are fetched once and reused until `refreshWindowMs` before their `expiration`
 *   (credentials without `expiration` are kept for good);
 * - concurrent callers share one in-flight fetch, at the first fetch and at every refresh;
 * - if a refresh fails while the cached credentials have not yet expired, those are served and the next
 *   call tries again; a failure with nothing valid cached rejects every waiting caller with the error;
 * - `{ forceRefresh: true }` (passed by the SDK after an expired-token error) fetches anew (still shared).
 *
 * @example
 * ```ts
 * const credentials = memoizeCredentials(async () => assumeRole());
 * await Promise.all([credentials(), credentials()]); // one STS call
 * ```
 */
export function memoizeCredentials(
  provider: AwsCredentialIdentityProvider,
  init: MemoizeCredentialsInit = {},
): AwsCredentialIdentityProvider {
  const now = init.now ?? Date.now;
  const windowMs = init.refreshWindowMs ?? DEFAULT_REFRESH_WINDOW_MS;
  let cached: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;

  const isExpired = (c: AwsCredentialIdentity) =>
    c.expiration !== undefined && c.expiration.getTime() <= now();
  const needsRefresh = (c: AwsCredentialIdentity) =>
    c.expiration !== undefined && c.expiration.getTime() - windowMs <= now();

  const refresh = (): Promise<AwsCredentialIdentity> => {
    if (!inFlight) {
      inFlight = Promise.resolve()
        .then(() => provider())
        .then(
          (fresh) => {
            cached = fresh;
            return fresh;
          },
          (error: unknown) => {
            if (cached && !isExpired(cached)) return cached;
            throw error;
          },
        )
        .finally(() => {
          inFlight = undefined;
        });
    }
    return inFlight;
  };

  return async (properties?: Record<string, unknown>) => {
    if (cached && !needsRefresh(cached) && !properties?.forceRefresh) return cached;
    return refresh();
  };
}
