import type {
  AwsCredentialIdentityProvider,
  Provider,
  RetryErrorInfo,
  RetryStrategy,
  RetryStrategyV2,
  RetryToken,
} from "@smithy/types";
import { isAuthError } from "./isAuthError.js";

/**
 * A credentials provider that says when its keys change: `generation()` goes up each time it hands
 * out keys that differ from the previous ones, and `{ forceRefresh: true }` makes it look them up
 * again (the resolver's rotating provider bypasses its cache for that). See {@link authErrorRetryExtension}.
 *
 * @example
 * ```ts
 * const before = credentials.generation();
 * await credentials({ forceRefresh: true });
 * const rotated = credentials.generation() > before;
 * ```
 */
export interface RenewableCredentials extends AwsCredentialIdentityProvider {
  /** How many times the keys handed out have changed (0 before the first call). */
  generation(): number;
}

/** The part of an SDK client's extension configuration that {@link authErrorRetryExtension} uses. */
export interface RetryStrategyExtensionConfiguration {
  retryStrategy(): Provider<RetryStrategyV2 | RetryStrategy>;
  setRetryStrategy(retryStrategy: Provider<RetryStrategyV2 | RetryStrategy>): void;
}

/**
 * An SDK client extension (for the `extensions` client option).
 *
 * @example
 * ```ts
 * const extension: AuthErrorRetryExtension = authErrorRetryExtension(credentials);
 * ```
 */
export interface AuthErrorRetryExtension {
  configure(config: RetryStrategyExtensionConfiguration): void;
}

/**
 * An AWS SDK v3 client extension that gives a request rejected for its credentials
 * ({@link isAuthError}: `InvalidClientTokenId`, `SignatureDoesNotMatch`, `ExpiredToken`...) one more
 * attempt with renewed keys. It wraps the client's own retry strategy (standard or adaptive, with the
 * client's `maxAttempts`), so the SDK still does the retrying, with its backoff and retry quota:
 *
 * 1. the first auth error of an operation asks `credentials({ forceRefresh: true })`, unless the keys
 *    already changed since the failed attempt was signed (another request renewed them);
 * 2. when the keys changed, the error is handed to the SDK's strategy as a transient one (it retries,
 *    signing with the new keys); when they did not (same keys, or the renewal failed), the error
 *    goes to the caller at once;
 * 3. a second auth error in the same operation goes to the caller: one renewal per operation, never a loop.
 *
 * A legacy (v1) retry strategy is left as it is.
 *
 * @example
 * ```ts
 * const sts = new STSClient({ credentials, extensions: [authErrorRetryExtension(credentials)] });
 * ```
 */
export function authErrorRetryExtension(credentials: RenewableCredentials): AuthErrorRetryExtension {
  return {
    configure(config) {
      const inner = config.retryStrategy();
      let wrapped: Promise<RetryStrategyV2 | RetryStrategy> | undefined;
      config.setRetryStrategy(() => {
        wrapped ??= Promise.resolve(typeof inner === "function" ? inner() : inner).then((strategy) =>
          isRetryStrategyV2(strategy) ? renewingRetryStrategy(strategy, credentials) : strategy,
        );
        return wrapped;
      });
    },
  };
}

/**
 * The retry strategy behind {@link authErrorRetryExtension}: `inner` with one renewal of the
 * credentials per operation on an auth error.
 *
 * @example
 * ```ts
 * const strategy = renewingRetryStrategy(new StandardRetryStrategy(3), credentials);
 * ```
 */
export function renewingRetryStrategy(
  inner: RetryStrategyV2,
  credentials: RenewableCredentials,
): RetryStrategyV2 {
  /** The generation of the keys each token's attempt was signed with (at least). */
  const signedWith = new WeakMap<RetryToken, number>();
  /** Tokens of operations that have had their renewal. */
  const renewed = new WeakSet<RetryToken>();
  // The attempt after a token is signed when the token is handed over: with the keys of that moment
  // (before the first call there are none yet: the first keys are generation 1).
  const handOver = (token: RetryToken, done: boolean): RetryToken => {
    signedWith.set(token, Math.max(1, credentials.generation()));
    if (done) renewed.add(token);
    return token;
  };

  return {
    async acquireInitialRetryToken(scope) {
      return handOver(await inner.acquireInitialRetryToken(scope), false);
    },
    async refreshRetryTokenForRetry(token, info: RetryErrorInfo) {
      const done = renewed.has(token);
      if (done || info.errorType !== "CLIENT_ERROR" || !isAuthError(info.error)) {
        return handOver(await inner.refreshRetryTokenForRetry(token, info), done);
      }
      const used = signedWith.get(token) ?? credentials.generation();
      if (credentials.generation() <= used) {
        try {
          await credentials({ forceRefresh: true });
        } catch {
          // the renewal failed: the caller gets the auth error, which says more
        }
      }
      if (credentials.generation() <= used) throw info.error;
      return handOver(
        await inner.refreshRetryTokenForRetry(token, { ...info, errorType: "TRANSIENT" }),
        true,
      );
    },
    recordSuccess(token) {
      inner.recordSuccess(token);
    },
  };
}

function isRetryStrategyV2(strategy: RetryStrategyV2 | RetryStrategy): strategy is RetryStrategyV2 {
  const s = strategy as Partial<RetryStrategyV2>;
  return (
    typeof s.acquireInitialRetryToken === "function" &&
    typeof s.refreshRetryTokenForRetry === "function" &&
    typeof s.recordSuccess === "function"
  );
}
