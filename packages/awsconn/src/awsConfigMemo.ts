import type { Connection } from "@awsconn/core";
import type { AwsClientConfig as CredentialsClientConfig, RenewableCredentials } from "@awsconn/credentials";
import { type AwsClientConfig, connectionFingerprint, loadCredentialsModule } from "./awsClientConfig.js";
import type { Clock } from "./Clock.js";
import { renewalGate } from "./renewalGate.js";
import { RecentMap } from "./RecentMap.js";
import { type CurrentConnection, rotatingCredentials } from "./rotatingCredentials.js";

/**
 * Options of {@link awsConfigMemo}: how the resolver's rotating credentials reach its caches.
 *
 * @example
 * ```ts
 * awsConfigMemo({ max: 1000, current, forgetSources, clock: performance, liveLeaseMs: 300_000 });
 * ```
 */
export interface AwsConfigMemoInit {
  /** At most this many configurations (and as many rotating providers) are kept. */
  max: number;
  /** The connection by the resolver's rules, with the freshness of the cached answers it came from. */
  current(connId: string): Promise<CurrentConnection>;
  /** Forgets the id in every source's cache (an auth error's renewal). */
  forgetSources(connId: string): void;
  /** The resolver's clock. */
  clock: Clock;
  /** The lease of keys from live sources (env, file), ms. */
  liveLeaseMs: number;
}

/**
 * The resolver's memo of AWS client configurations, per connection id and service: the same
 * connection (by fingerprint) gets the same configuration object, so its credential provider (and
 * the provider's own cache of temporary credentials) is shared; a changed connection gets a new one.
 * A failed build is forgotten. Every configuration handed out carries the id's rotating
 * credentials (one provider per id and service, see {@link rotatingCredentials}) and the
 * auth-error renewal extension, so a client made from an old configuration follows the
 * connection's current keys; renewals of an id are limited by one {@link renewalGate}.
 *
 * @example
 * ```ts
 * const memo = awsConfigMemo({ max: 1000, current, forgetSources, clock, liveLeaseMs: 300_000 });
 * const config = await memo.get("aws_default", "s3", connection);
 * ```
 */
export function awsConfigMemo(init: AwsConfigMemoInit) {
  // Plain recency-bounded maps, not lru-cache: a credential_process run (one connection, one
  // configuration) should not pay for loading lru-cache.
  const configs = new RecentMap<{ fingerprint: string; promise: Promise<CredentialsClientConfig> }>(init.max);
  const providers = new RecentMap<RenewableCredentials>(init.max);
  const views = new WeakMap<CredentialsClientConfig, AwsClientConfig>();
  const fingerprints = new WeakMap<Connection, string>();
  const gate = renewalGate(init.forgetSources, init.clock);
  const keyOf = (connId: string, service: string | undefined) => `${service ?? ""}\u0000${connId}`;

  function configFor(
    connId: string,
    service: string | undefined,
    connection: Connection,
  ): Promise<CredentialsClientConfig> {
    const key = keyOf(connId, service);
    let fingerprint = fingerprints.get(connection);
    if (fingerprint === undefined) {
      fingerprint = connectionFingerprint(connection);
      // cached connections are frozen and shared: the same object until the next refresh
      if (Object.isFrozen(connection)) fingerprints.set(connection, fingerprint);
    }
    const known = configs.get(key);
    if (known && known.fingerprint === fingerprint) return known.promise;
    const promise = loadCredentialsModule().then(({ resolveAwsConfig }) =>
      resolveAwsConfig(connection, service ? { service } : {}),
    );
    configs.set(key, { fingerprint, promise });
    promise.catch(() => {
      if (configs.get(key)?.promise === promise) configs.delete(key);
    });
    return promise;
  }

  function providerFor(connId: string, service: string | undefined): RenewableCredentials {
    const key = keyOf(connId, service);
    let provider = providers.get(key);
    if (!provider) {
      provider = rotatingCredentials({
        current: () => init.current(connId),
        configFor: (connection) => configFor(connId, service, connection),
        renew: () => gate.renew(connId),
        clock: init.clock,
        liveLeaseMs: init.liveLeaseMs,
      });
      providers.set(key, provider);
    }
    return provider;
  }

  return {
    async get(connId: string, service: string | undefined, connection: Connection): Promise<AwsClientConfig> {
      const config = await configFor(connId, service, connection);
      const known = views.get(config);
      if (known) return known;
      const { authErrorRetryExtension } = await loadCredentialsModule();
      const credentials = providerFor(connId, service);
      const view: AwsClientConfig = views.get(config) ?? {
        ...config,
        credentials,
        extensions: [authErrorRetryExtension(credentials)],
      };
      views.set(config, view);
      return view;
    },
    forget(connId: string): void {
      for (const cache of [configs, providers])
        for (const key of [...cache.keys()]) if (key.endsWith(`\u0000${connId}`)) cache.delete(key);
    },
    clear(): void {
      configs.clear();
      providers.clear();
      gate.clear();
    },
  };
}
