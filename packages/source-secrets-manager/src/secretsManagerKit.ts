import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type AwsSourceKit, awsSourceKit } from "@awsconn/aws-source-common";
import type { SecretsManagerInit } from "./SecretsManagerInit.js";
import { createSecretsManagerClient } from "./createSecretsManagerClient.js";
import { SECRETS_MANAGER_SOURCE_NAME } from "./fromSecretsManager.js";
import { loadSecretsManagerSdk } from "./loadSecretsManagerSdk.js";

/**
 * The start of a Secrets Manager source, connections or Variables (`awsSourceKit`): the prefix
 * trimmed of `sep` (default `/`), `off` for `prefix: null`, the compiled lookup pattern, the
 * client made with `createSecretsManagerClient` on first use, the SDK module loaded once, the
 * failure mapping and the call deadline.
 *
 * @example
 * ```ts
 * const { prefix, off, matches, client, sdk, fail, deadlineMs } = secretsManagerKit(init, "airflow/connections");
 * ```
 */
export function secretsManagerKit(
  init: SecretsManagerInit,
  defaultPrefix: string,
  patternPath?: string,
): AwsSourceKit<SecretsManagerClient, typeof import("@aws-sdk/client-secrets-manager")> {
  return awsSourceKit(SECRETS_MANAGER_SOURCE_NAME, init, {
    defaultPrefix,
    sep: init.sep ?? "/",
    patternPath,
    createClient: () => createSecretsManagerClient(init),
    loadSdk: loadSecretsManagerSdk,
  });
}
