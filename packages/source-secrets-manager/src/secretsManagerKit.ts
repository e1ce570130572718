import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type AwsSourceKit, awsSourceKit } from "@awsconn/aws-source-common";
import { ConfigError } from "@awsconn/core";
import type { SecretsManagerInit } from "./SecretsManagerInit.js";
import { createSecretsManagerClient } from "./createSecretsManagerClient.js";
import { SECRETS_MANAGER_SOURCE_NAME } from "./fromSecretsManager.js";
import { loadSecretsManagerSdk } from "./loadSecretsManagerSdk.js";

/**
 * The separator of a Secrets Manager source (`init.sep`, default `/`). Anything but a string is a
 * `ConfigError`: Airflow's `sep=None` (`{"sep": null}` in the backend kwargs) trims whitespace from
 * the prefix and joins it to the id with the text `None` (`airflow/connectionsNoneaws_default`), so
 * no default would read the name Airflow reads.
 *
 * @example
 * ```ts
 * secretsManagerSep({ sep: ":" }); // ":"
 * secretsManagerSep({});           // "/"
 * ```
 */
export function secretsManagerSep(init: { sep?: string }): string {
  const sep: unknown = init.sep;
  if (sep === undefined) return "/";
  if (typeof sep !== "string")
    throw new ConfigError(
      `must be a string, got ${sep === null ? "null" : typeof sep} (Airflow's sep=None joins the prefix and the id with the text "None")`,
      { path: "sep" },
    );
  return sep;
}

/**
 * The start of a Secrets Manager source, connections or Variables (`awsSourceKit`): the prefix
 * trimmed of `sep` (default `/`, {@link secretsManagerSep}), `off` for `prefix: null`, the compiled lookup pattern, the
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
    sep: secretsManagerSep(init),
    patternPath,
    createClient: () => createSecretsManagerClient(init),
    loadSdk: loadSecretsManagerSdk,
  });
}
