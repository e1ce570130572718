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

/**
 * The least sending rate (calls per second) the adaptive rate limiter of an AWS source's client
 * drops to after a throttle. The SDK's own floor is 0.5 a second, and its measured rate starts at
 * 0, so one throttle in a cold start used to pace every later call of the process to one each 2 s:
 * ten connections throttled twice each then took 40 s and ran past the 15 s call deadline. At 5 a
 * second, those resolve in a few seconds; above the floor, the SDK's own (CUBIC) rate control
 * applies, and eight processes at the floor already fill SSM's 40 calls a second.
 *
 * @example
 * ```ts
 * new DefaultRateLimiter({ minFillRate: SOURCE_MIN_SEND_RATE });
 * ```
 */
export const SOURCE_MIN_SEND_RATE = 5;
