import { createRequire } from "node:module";
import { lazyClient } from "./lazyClient.js";

const requireHere = createRequire(import.meta.url);

/**
 * `@smithy/core/retry` (the SDK's retry strategies and error classification), loaded once with
 * the first AWS client or the first failure: importing this package loads no SDK module. With
 * `require`, as every SDK package (see {@link lazyClient}).
 *
 * @example
 * ```ts
 * const { AdaptiveRetryStrategy } = await loadRetry();
 * ```
 */
export const loadRetry = lazyClient(
  undefined,
  async () =>
    (typeof require === "function"
      ? require("@smithy/core/retry")
      : requireHere("@smithy/core/retry")) as typeof import("@smithy/core/retry"),
);

/**
 * `@aws-sdk/credential-providers` (an optional peer dependency), loaded once for the whole process
 * by the first source or connection that needs a provider; a failed load is retried on the next call.
 *
 * @example
 * ```ts
 * const { fromIni } = await loadCredentialProviders();
 * ```
 */
export const loadCredentialProviders = lazyClient(
  undefined,
  async () =>
    (typeof require === "function"
      ? require("@aws-sdk/credential-providers")
      : requireHere("@aws-sdk/credential-providers")) as typeof import("@aws-sdk/credential-providers"),
);
