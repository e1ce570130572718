import { lazyClient, loadCredentialProviders, toSourceError, withDeadline } from "@awsconn/aws-source-common";
import type { AwsCredentialIdentityProvider } from "@smithy/types";

/** The `@aws-sdk/credential-providers` module, as {@link lazyProvider} hands it to `make`. */
export type CredentialProvidersModule = typeof import("@aws-sdk/credential-providers");

/**
 * How {@link lazyProvider} reports and bounds a call.
 *
 * @example
 * ```ts
 * const options: LazyProviderOptions = { deadlineMs: 15_000, secrets: [secretAccessKey] };
 * ```
 */
export interface LazyProviderOptions {
  /** Values that must never appear in an error (source keys, a token); they become `***`. */
  secrets?: readonly (string | undefined)[];
  /** Each call (its STS attempts and the source credentials it needs) ends within this many ms. */
  deadlineMs?: number;
}

/**
 * A provider from `@aws-sdk/credential-providers`, imported (and made with `make`) on the first call;
 * its failures become `SourceError` with `source` and a message starting with `what`, through the
 * one mapping of `@awsconn/aws-source-common` (`toSourceError`).
 *
 * @example
 * ```ts
 * const env = lazyProvider((m) => m.fromEnv(), "env", "loading credentials from the environment");
 * ```
 */
export function lazyProvider(
  make: (
    m: CredentialProvidersModule,
  ) => AwsCredentialIdentityProvider | Promise<AwsCredentialIdentityProvider>,
  source: string,
  what: string,
  options: LazyProviderOptions = {},
): AwsCredentialIdentityProvider {
  const provider = lazyClient(undefined, async () => make(await loadCredentialProviders()));
  const secrets = options.secrets ? { secrets: options.secrets } : {};
  return async (properties) => {
    try {
      const made = await provider();
      return options.deadlineMs === undefined
        ? await made(properties)
        : await withDeadline(options.deadlineMs, undefined, () => made(properties));
    } catch (error) {
      throw await toSourceError(error, { source, what, ...secrets });
    }
  };
}
