import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { lazyProvider } from "./lazyProvider.js";

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
  return lazyProvider(
    (m) =>
      m.fromNodeProviderChain(clientConfig.region ? { clientConfig: { region: clientConfig.region } } : {}),
    "default-chain",
    "loading credentials from the default provider chain",
  );
}
