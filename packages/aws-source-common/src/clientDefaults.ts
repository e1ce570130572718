/** Default TCP connect timeout of each attempt, ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 1000;
/** Default timeout of each request attempt (connect, headers and the whole body), ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 3000;
/** Default attempts per call, the first one included. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * The SDK retry modes: `standard` (jittered exponential backoff, a retry quota) and `adaptive`
 * (the same, plus a client-side token bucket that slows the client's sending rate down when it is
 * throttled and lets it climb back as calls succeed).
 *
 * @example
 * ```ts
 * const mode: RetryMode = "adaptive";
 * ```
 */
export type RetryMode = "standard" | "adaptive";

/**
 * The retry mode of the AWS sources' clients (Secrets Manager, SSM, and the STS client of their
 * `roleArn`): `adaptive`, so that a fleet sharing one account's quota (SSM's Get* calls share 40
 * requests per second per account and region) backs off as a whole instead of retrying into the
 * throttle. `@awsconn/credentials` keeps the SDK's default (`standard`) unless a connection's
 * `config_kwargs.retries.mode` says otherwise, as botocore does.
 *
 * @example
 * ```ts
 * new SSMClient({ retryMode: SOURCE_RETRY_MODE, maxAttempts: DEFAULT_MAX_ATTEMPTS });
 * ```
 */
export const SOURCE_RETRY_MODE: RetryMode = "adaptive";
