import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { toSourceError } from "@awsconn/aws-source-common";

/** The `@aws-sdk/credential-providers` module, as {@link lazyProvider} hands it to `make`. */
export type CredentialProvidersModule = typeof import("@aws-sdk/credential-providers");

/**
 * A provider from `@aws-sdk/credential-providers`, imported (and made with `make`) on the first call;
 * its failures become `SourceError` with `source` and a message starting with `what`.
 *
 * @example
 * ```ts
 * const env = lazyProvider((m) => m.fromEnv(), "env", "loading credentials from the environment");
 * ```
 */
export function lazyProvider(
  make: (m: CredentialProvidersModule) => AwsCredentialIdentityProvider,
  source: string,
  what: string,
): AwsCredentialIdentityProvider {
  let provider: Promise<AwsCredentialIdentityProvider> | undefined;
  return async (properties) => {
    provider ??= import("@aws-sdk/credential-providers").then(make);
    try {
      return await (await provider)(properties);
    } catch (error) {
      throw await toSourceError(error, { source, what });
    }
  };
}
