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
 * Wraps a memoized credentials provider for the credentials server. Cached credentials that have aged
 * into the last `refreshWindowMs` are refreshed once (`forceRefresh`, one flight shared by every
 * concurrent caller). Credentials that arrive already inside the window (a role whose sessions last
 * 900 s) are served as they are: nothing newer can be had, so no request turns into an STS call.
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
  /** The credentials each provider gave last time (a memoized provider returns the same object until it refreshes). */
  const lastSeen = new WeakMap<CredentialProvider, CredentialIdentity>();
  /** Credentials that were inside the window when they arrived. */
  const bornShort = new WeakSet<CredentialIdentity>();
  const flights = new WeakMap<CredentialProvider, Promise<CredentialIdentity>>();

  const arrived = (provider: CredentialProvider, identity: CredentialIdentity) => {
    if (lastSeen.get(provider) !== identity && inWindow(identity)) bornShort.add(identity);
    lastSeen.set(provider, identity);
  };

  return async (provider) => {
    const identity = await provider();
    if (!inWindow(identity)) {
      lastSeen.set(provider, identity);
      return identity;
    }
    const flight = flights.get(provider);
    if (flight) return flight;
    arrived(provider, identity);
    if (bornShort.has(identity)) return identity;
    const refresh = provider({ forceRefresh: true })
      .catch(() => identity)
      .then((fresh) => {
        // Nothing newer came back (the source failed and the provider kept its cached ones): serve
        // them; the provider's own refresh window tries again later, not every request.
        if (fresh === identity) bornShort.add(fresh);
        arrived(provider, fresh);
        return fresh;
      })
      .finally(() => flights.delete(provider));
    flights.set(provider, refresh);
    return refresh;
  };
}
