import type { CredentialIdentity } from "./containerCredentials.js";

/**
 * botocore refreshes container credentials 15 minutes before they expire and refuses ones with less
 * than 10 minutes left; the resolver's own cache refreshes only 5 minutes before. The server
 * therefore asks for new credentials when fewer than this many ms are left.
 */
export const SERVE_REFRESH_WINDOW_MS = 15 * 60 * 1000;

/** A credentials provider as `getAwsClientConfig(...).credentials` is (memoized, shares in-flight calls). */
export type CredentialProvider = (properties?: { forceRefresh?: boolean }) => Promise<CredentialIdentity>;

/** Options of {@link servedCredentials}. */
export interface ServedCredentialsInit {
  /** Refresh when fewer ms than this are left. Default {@link SERVE_REFRESH_WINDOW_MS}. */
  refreshWindowMs?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/**
 * Wraps a memoized credentials provider for the credentials server: credentials that expire within
 * `refreshWindowMs` are refreshed once (`forceRefresh`, shared by every concurrent caller), and never
 * again for the same expiration, so a role whose sessions are short (900 s) cannot turn every request
 * into an STS call.
 *
 * @example
 * ```ts
 * const serve = servedCredentials();
 * const identity = await serve(config.credentials);
 * ```
 */
export function servedCredentials(
  init: ServedCredentialsInit = {},
): (provider: CredentialProvider) => Promise<CredentialIdentity> {
  const windowMs = init.refreshWindowMs ?? SERVE_REFRESH_WINDOW_MS;
  const now = init.now ?? Date.now;
  const inWindow = (c: CredentialIdentity) => {
    const expiration = c.expiration?.getTime();
    return expiration !== undefined && expiration - windowMs <= now();
  };
  const forced = new WeakMap<CredentialProvider, Forced>();
  return async (provider) => {
    const identity = await provider();
    if (!inWindow(identity)) return identity;
    const expiration = identity.expiration?.getTime();
    const last = forced.get(provider);
    if (last && last.from === expiration) return (await last.outcome).identity;
    if (last) {
      const outcome = await last.outcome;
      // The last forced refresh gave exactly these, already short-lived: nothing better to be had.
      if (outcome.shortLived && outcome.identity.expiration?.getTime() === expiration) return identity;
    }
    const outcome = provider({ forceRefresh: true }).then(
      (fresh) => ({ identity: fresh, shortLived: inWindow(fresh) }),
      () => ({ identity, shortLived: true }),
    );
    forced.set(provider, { from: expiration as number, outcome });
    return (await outcome).identity;
  };
}

interface Forced {
  /** The expiration of the credentials that triggered the refresh. */
  from: number;
  /** What the refresh gave, and whether that was already inside the window when it arrived. */
  outcome: Promise<{ identity: CredentialIdentity; shortLived: boolean }>;
}
