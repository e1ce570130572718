import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { toSourceError } from "./toSourceError.js";

type CredentialProvidersModule = typeof import("@aws-sdk/credential-providers");

function lazy(
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
      throw toSourceError(error, { source, what });
    }
  };
}

/**
 * The SDK's shared config/credentials profile provider (`fromIni`), loaded on first use. Honours
 * `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`; a profile may itself assume a role, use SSO or
 * `credential_process`. Failures become `SourceError` (source `profile`) naming the profile.
 *
 * @example
 * ```ts
 * const credentials = fromProfile("etl", { region: "eu-west-1" });
 * ```
 */
export function fromProfile(
  profile: string,
  clientConfig: { region?: string } = {},
): AwsCredentialIdentityProvider {
  return lazy(
    (m) =>
      m.fromIni({
        profile,
        ...(clientConfig.region ? { clientConfig: { region: clientConfig.region } } : {}),
      }),
    "profile",
    `loading credentials of profile "${profile}"`,
  );
}

/**
 * The SDK's default Node provider chain (`fromNodeProviderChain`: env, SSO, shared files,
 * `credential_process`, web identity, ECS, EC2 instance metadata), loaded on first use. Failures become
 * `SourceError` (source `default-chain`).
 *
 * @example
 * ```ts
 * const credentials = fromDefaultChain();
 * ```
 */
export function fromDefaultChain(clientConfig: { region?: string } = {}): AwsCredentialIdentityProvider {
  return lazy(
    (m) =>
      m.fromNodeProviderChain(clientConfig.region ? { clientConfig: { region: clientConfig.region } } : {}),
    "default-chain",
    "loading credentials from the default provider chain",
  );
}
