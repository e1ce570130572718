import type { Connection } from "@awsconn/core";
import { LRUCache } from "lru-cache";
import { type AwsClientConfig, connectionFingerprint, loadResolveAwsConfig } from "./awsClientConfig.js";

/**
 * The resolver's memo of AWS client configurations, per connection id and service: the same
 * connection (by fingerprint) gets the same configuration object, so its credential provider (and
 * the provider's own cache of temporary credentials) is shared; a changed connection gets a new one.
 * A failed build is forgotten.
 *
 * @example
 * ```ts
 * const memo = awsConfigMemo(1000);
 * const config = await memo.get("aws_default", "s3", connection);
 * ```
 */
export function awsConfigMemo(max: number) {
  const configs = new LRUCache<string, { fingerprint: string; promise: Promise<AwsClientConfig> }>({ max });
  return {
    get(connId: string, service: string | undefined, connection: Connection): Promise<AwsClientConfig> {
      const key = `${service ?? ""}\u0000${connId}`;
      const fingerprint = connectionFingerprint(connection);
      const known = configs.get(key);
      if (known && known.fingerprint === fingerprint) return known.promise;
      const promise = loadResolveAwsConfig().then((resolve) =>
        resolve(connection, service ? { service } : {}),
      );
      configs.set(key, { fingerprint, promise });
      promise.catch(() => {
        if (configs.get(key)?.promise === promise) configs.delete(key);
      });
      return promise;
    },
    forget(connId: string): void {
      for (const key of configs.keys()) if (key.endsWith(`\u0000${connId}`)) configs.delete(key);
    },
    clear(): void {
      configs.clear();
    },
  };
}
