import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { lazyProvider } from "./lazyProvider.js";

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
  return lazyProvider(
    (m) =>
      m.fromIni({
        profile,
        ...(clientConfig.region ? { clientConfig: { region: clientConfig.region } } : {}),
      }),
    "profile",
    `loading credentials of profile "${profile}"`,
  );
}
