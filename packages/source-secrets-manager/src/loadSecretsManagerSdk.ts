import { createRequire } from "node:module";

const requireHere = createRequire(import.meta.url);

/**
 * `@aws-sdk/client-secrets-manager` (an optional peer dependency), with `require` as every SDK package is loaded (see
 * `lazyClient` of @awsconn/aws-source-common): the Secrets Manager client and its commands, for this package's
 * sources and its client factory.
 *
 * @example
 * ```ts
 * const sdk = await loadSecretsManagerSdk();
 * ```
 */
export async function loadSecretsManagerSdk(): Promise<typeof import("@aws-sdk/client-secrets-manager")> {
  return (
    typeof require === "function"
      ? require("@aws-sdk/client-secrets-manager")
      : requireHere("@aws-sdk/client-secrets-manager")
  ) as typeof import("@aws-sdk/client-secrets-manager");
}
