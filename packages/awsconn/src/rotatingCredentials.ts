import type { RenewableCredentials } from "@awsconn/credentials";
import type { Connection } from "@awsconn/core";
import type { AwsClientConfig as CredentialsClientConfig } from "@awsconn/credentials";
import type { Clock } from "./Clock.js";

/** Credentials as a provider hands them out (`accessKeyId`, `secretAccessKey`, `sessionToken?`, `expiration?`). */
export type CredentialIdentity = Awaited<ReturnType<CredentialsClientConfig["credentials"]>>;

/**
 * The shortest lease handed out (ms): keys served from a value past its lifetime (refreshing in the
 * background) still get this long, so that no client is handed keys that are already "expired"
 * (botocore refuses those; the container-credentials format counts in whole seconds).
 */
export const MIN_LEASE_MS = 5000;

/**
 * The connection as the resolver has it now, and how long that answer stays fresh.
 *
 * @example
 * ```ts
 * const now: CurrentConnection = { connection, freshForMs: 240_000 }; // a cached hit
 * const live: CurrentConnection = { connection }; // env or file: read on every call
 * ```
 */
export interface CurrentConnection {
  connection: Connection;
  /** ms until the cached answer that produced it stops being fresh; absent when only live sources (env, file) gave it. */
  freshForMs?: number;
}

/**
 * Options of {@link rotatingCredentials}.
 *
 * @example
 * ```ts
 * rotatingCredentials({ current: () => lookUp("aws_default"), configFor, renew: () => gate.renew(), clock, liveLeaseMs: 300_000 });
 * ```
 */
export interface RotatingCredentialsInit {
  /** The connection by the resolver's rules (cache, live sources), on every call. */
  current(): Promise<CurrentConnection>;
  /** The SDK client configuration of one connection's content (memoized: one per fingerprint). */
  configFor(connection: Connection): Promise<CredentialsClientConfig>;
  /** Makes the next `current()` bypass the caches (the caller limits how often). */
  renew(): void;
  /** The resolver's clock (ms). */
  clock: Clock;
  /** The lease of keys from live sources (ms): the resolver's `cache.ttlSeconds`. */
  liveLeaseMs: number;
  /** Wall clock for `expiration` (ms since the epoch). Default `Date.now`. */
  wallNow?: () => number;
}

const leased = new WeakSet<CredentialIdentity>();

/**
 * The credentials provider that `getAwsClientConfig` hands to SDK clients, so that a client outlives
 * a rotation of the connection's keys. On every call it asks the resolver for the connection (a map
 * read while the cached answer is fresh; env and file are read live) and returns the credentials of
 * that connection's configuration, so a changed connection gives its new keys at once. Rules:
 *
 * 1. long-term keys (no `expiration` of their own: static keys, a profile's keys) are leased: their
 *    `expiration` is when the cached answer that produced them stops being fresh (at least
 *    {@link MIN_LEASE_MS}); keys from live sources get `liveLeaseMs`. Whoever holds them (an SDK's
 *    cache, a `serve` client) comes back by then and gets the re-resolved connection's keys;
 * 2. credentials with their own `expiration` (STS) are handed out as they are;
 * 3. `{ forceRefresh: true }` (after an auth error, see `authErrorRetryExtension`) first has the
 *    connection looked up again past the caches (`renew`), then passes the flag on (an assumed role
 *    is assumed anew);
 * 4. `generation()` goes up whenever the keys handed out differ from the previous ones.
 *
 * It is marked `memoized`: the SDK calls it for every request instead of caching the identity
 * itself, which costs a map read and lets a renewal take effect on the very next attempt.
 *
 * @example
 * ```ts
 * const credentials = rotatingCredentials({ current, configFor, renew, clock: performance, liveLeaseMs: 300_000 });
 * const s3 = new S3Client({ region: "eu-west-1", credentials });
 * ```
 */
export function rotatingCredentials(init: RotatingCredentialsInit): RenewableCredentials {
  const wallNow = init.wallNow ?? Date.now;
  let generation = 0;
  let handed: CredentialIdentity | undefined;
  let last: { inner: CredentialIdentity; until: number; out: CredentialIdentity } | undefined;

  const lease = (identity: CredentialIdentity, freshForMs: number | undefined): CredentialIdentity => {
    if (identity.expiration !== undefined) return identity;
    const now = init.clock.now();
    const reuse = last?.inner === identity ? last : undefined;
    let until: number;
    if (freshForMs !== undefined) until = now + Math.max(MIN_LEASE_MS, freshForMs);
    else if (reuse && reuse.until - now >= MIN_LEASE_MS) until = reuse.until;
    else until = now + Math.max(MIN_LEASE_MS, init.liveLeaseMs);
    if (reuse && Math.abs(reuse.until - until) < 1) return reuse.out;
    const out: CredentialIdentity = { ...identity, expiration: new Date(wallNow() + (until - now)) };
    leased.add(out);
    last = { inner: identity, until, out };
    return out;
  };

  const provider = async (properties?: Record<string, unknown>): Promise<CredentialIdentity> => {
    if (properties?.forceRefresh) init.renew();
    const { connection, freshForMs } = await init.current();
    const config = await init.configFor(connection);
    const out = lease(await config.credentials(properties), freshForMs);
    if (!handed || !sameKeys(handed, out)) generation++;
    handed = out;
    return out;
  };
  return Object.assign(provider, { generation: () => generation, memoized: true });
}

/**
 * The credentials without the lease {@link rotatingCredentials} gave long-term keys: for outputs where
 * an `expiration` would make a consumer treat the keys as temporary (credential_process JSON,
 * `AWS_CREDENTIAL_EXPIRATION`). Other credentials come back unchanged.
 *
 * @example
 * ```ts
 * const identity = withoutLease(await config.credentials());
 * identity.expiration; // undefined for static keys, the STS expiry for a role
 * ```
 */
export function withoutLease<T extends CredentialIdentity>(identity: T): T {
  if (!leased.has(identity)) return identity;
  const { expiration: _lease, ...rest } = identity;
  return rest as T;
}

function sameKeys(a: CredentialIdentity, b: CredentialIdentity): boolean {
  return (
    a.accessKeyId === b.accessKeyId &&
    a.secretAccessKey === b.secretAccessKey &&
    a.sessionToken === b.sessionToken
  );
}
