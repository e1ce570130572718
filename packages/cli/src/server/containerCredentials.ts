/** Credentials as an AWS SDK v3 provider resolves them. */
export interface CredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** The JSON the AWS SDKs read from a container credentials endpoint (`AWS_CONTAINER_CREDENTIALS_FULL_URI`). */
export interface ContainerCredentialsJson {
  AccessKeyId: string;
  SecretAccessKey: string;
  /** The session token; `""` for long-term keys (both botocore and the JS SDK require the field). */
  Token: string;
  /** RFC 3339 in UTC without fractions, e.g. `2026-11-27T20:00:00Z`. */
  Expiration: string;
}

/**
 * How long long-term keys without an expiration are declared valid; the SDKs ask again after that.
 * Keys from `getAwsClientConfig` always carry one (their lease: the resolver's cache lifetime), so
 * this applies only to other providers.
 */
export const STATIC_KEYS_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Converts resolved credentials to the container-credentials format that botocore's
 * `ContainerProvider` and the JS SDK's `fromHttp`/`fromContainerMetadata` accept. Both require every
 * field, so long-term keys get `Token: ""` (not sent when signing) and an expiration
 * {@link STATIC_KEYS_LIFETIME_MS} ahead, after which the client simply asks again.
 *
 * @example
 * ```ts
 * containerCredentials({ accessKeyId: "ASIA...", secretAccessKey: "...", sessionToken: "...", expiration });
 * // { AccessKeyId: "ASIA...", SecretAccessKey: "...", Token: "...", Expiration: "2026-11-27T20:00:00Z" }
 * ```
 */
export function containerCredentials(
  identity: CredentialIdentity,
  now: number = Date.now(),
): ContainerCredentialsJson {
  const expiration = identity.expiration ?? new Date(now + STATIC_KEYS_LIFETIME_MS);
  return {
    AccessKeyId: identity.accessKeyId,
    SecretAccessKey: identity.secretAccessKey,
    Token: identity.sessionToken ?? "",
    Expiration: expiration.toISOString().replace(/\.\d+Z$/, "Z"),
  };
}
