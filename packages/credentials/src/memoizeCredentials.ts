import { createRequire } from "node:module";
import { lazyClient } from "@awsconn/aws-source-common";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

const requireHere = createRequire(import.meta.url);

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

type Memoize = typeof import("@smithy/core/config").memoize;
const loadMemoize = lazyClient<Memoize>(
  undefined,
  async () =>
    (
      (typeof require === "function"
        ? require("@smithy/core/config")
        : requireHere("@smithy/core/config")) as typeof import("@smithy/core/config")
    ).memoize,
);

/**
 * The SDK's own `memoize` (smithy, loaded on first use) with an expiry check, so that:
 * - credentials are fetched once and reused until `refreshWindowMs` before their `expiration`
 *   (credentials without `expiration` are kept for good);
 * - concurrent callers share one in-flight fetch, at the first fetch and at every refresh;
 * - `{ forceRefresh: true }` (passed by the SDK after an expired-token error) fetches anew (still shared).
 *
 * Two rules are added around it: a refresh that fails while the cached credentials have not yet
 * expired serves those (the next call tries again), where smithy's would reject; a failure with
 * nothing valid cached rejects every waiting caller with the error. And credentials fetched by a
 * call are handed out by that call even when already inside the window (a role whose credentials
 * live less than the window is asked once per call, not twice).
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
  let last: AwsCredentialIdentity | undefined;
  const looked = new WeakSet<AwsCredentialIdentity>();
  const fetch = async (): Promise<AwsCredentialIdentity> => {
    try {
      last = await provider();
      return last;
    } catch (error) {
      if (last && (last.expiration === undefined || last.expiration.getTime() > now())) return last;
      throw error;
    }
  };
  const dueForRefresh = (c: AwsCredentialIdentity): boolean => {
    if (!looked.has(c)) {
      looked.add(c);
      return false;
    }
    return c.expiration !== undefined && c.expiration.getTime() - windowMs <= now();
  };
  const memoized = lazyClient(undefined, async () =>
    (await loadMemoize())(fetch, dueForRefresh, (c) => c.expiration !== undefined),
  );
  return async (properties) => (await memoized())(properties);
}
