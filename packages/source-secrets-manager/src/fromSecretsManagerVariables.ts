import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import {
  type AwsClientInit,
  type OnSourceWarning,
  awsVariableSource,
  listKeysUnder,
  sendWithin,
} from "@awsconn/aws-source-common";
import type { SourceCallOptions, TeamInit, VariableHit, VariableSource } from "@awsconn/core";
import { ConnectionFormatError } from "@awsconn/core";
import { SECRETS_MANAGER_SOURCE_NAME } from "./fromSecretsManager.js";
import { secretIdFor } from "./secretIdFor.js";
import { secretLister } from "./secretLister.js";
import { secretsManagerKit, secretsManagerSep } from "./secretsManagerKit.js";
import { SECRETS_MANAGER_NOT_FOUND } from "./secretReader.js";

/** Airflow's default `variables_prefix` of the Secrets Manager backend. */
export const DEFAULT_SECRETS_MANAGER_VARIABLES_PREFIX = "airflow/variables";

/**
 * Options of {@link fromSecretsManagerVariables}.
 *
 * @example
 * ```ts
 * const init: SecretsManagerVariablesInit = { region: "eu-west-1", prefix: "airflow/variables", lookupPattern: "^app_" };
 * ```
 */
export interface SecretsManagerVariablesInit extends AwsClientInit, TeamInit {
  /** Secret name prefix (Airflow's `variables_prefix`). Default `airflow/variables`; `""` means the bare key; `null` switches Variables off. */
  prefix?: string | null;
  /** Separator between prefix and key (Airflow's `sep`). Default `/`; `null` (`sep=None`) is a `ConfigError`. */
  sep?: string;
  /** Airflow's `variables_lookup_pattern`: Python `re.match`, case-insensitive; keys that do not match are never looked up. */
  lookupPattern?: string;
  /** A ready client (its own timeouts and retries apply; the call deadline still does). */
  client?: SecretsManagerClient;
  /** Told when a key is refused in multi-team mode (`TEAM_ID_REFUSED`). */
  onWarning?: OnSourceWarning;
}

/**
 * Airflow Variables from AWS Secrets Manager, as the amazon provider's
 * `SecretsManagerBackend.get_variable`: `GetSecretValue(SecretId = prefix + sep + key)`
 * (`airflow/variables/<key>` by default), the raw `SecretString` is the value (not parsed, not
 * trimmed). `@aws-sdk/client-secrets-manager` is loaded on first use, with the connection
 * source's client defaults (`createSecretsManagerClient`).
 *
 * - `prefix: null`: every key is "not here" without a request (Airflow's `variables_prefix=None`)
 * - `lookupPattern`: a key that does not match is "not here" without a request
 * - `ResourceNotFoundException`, `InvalidRequestException`, `InvalidParameterException` -> "not
 *   here"; every other failure -> `SourceError` (as for connections, `DecryptionFailure` is not
 *   treated as missing: a listed deviation)
 * - a secret with only `SecretBinary` is a `ConnectionFormatError` naming the secret
 * - `team` (Airflow 3.3): `<prefix>/<team>--<key>` first, then `<prefix>/<key>` (not with an
 *   empty prefix, as Airflow); in multi-team mode a key containing `--` is "not here" (`awsTeamNames`)
 * - origin `secretsmanager:<SecretId>@<VersionId>`, `version` = the VersionId
 * - `listVariables()` (awsconn's, Airflow's backend cannot list): `ListSecrets` filtered on the
 *   name prefix `<prefix><sep>` (secret values never read; IAM `secretsmanager:ListSecrets`), the
 *   keys the lookup pattern accepts, as connections' `list()`: in multi-team mode the team's
 *   `<team>--<key>` as `<key>`, the global keys, no other team's; a failure is a `SourceError`
 *
 * @example
 * ```ts
 * const vars = fromSecretsManagerVariables({ region: "eu-west-1" });
 * const hit = await vars.getVariable("region"); // airflow/variables/region
 * for await (const key of vars.listVariables?.() ?? []) console.log(key); // region, ...
 * ```
 */
export function fromSecretsManagerVariables(init: SecretsManagerVariablesInit = {}): VariableSource {
  const sep = secretsManagerSep(init);
  const { prefix, off, matches, client, sdk, fail, deadlineMs } = secretsManagerKit(
    init,
    DEFAULT_SECRETS_MANAGER_VARIABLES_PREFIX,
    "variablesLookupPattern",
  );

  async function read(secretId: string, signal: AbortSignal | undefined): Promise<VariableHit | undefined> {
    let entry: { SecretString?: string; SecretBinary?: Uint8Array; VersionId?: string };
    try {
      const [{ GetSecretValueCommand }, c] = await Promise.all([sdk(), client()]);
      entry = await sendWithin(c, new GetSecretValueCommand({ SecretId: secretId }), deadlineMs, signal);
    } catch (error) {
      if (!signal?.aborted && SECRETS_MANAGER_NOT_FOUND.has((error as Error)?.name)) return undefined;
      throw await fail(error, "GetSecretValue", secretId, signal);
    }
    const origin = `${SECRETS_MANAGER_SOURCE_NAME}:${secretId}`;
    if (typeof entry.SecretString !== "string")
      throw new ConnectionFormatError(
        "the secret has no SecretString; a Variable must be stored as SecretString",
        { origin },
      );
    const version = entry.VersionId;
    return version
      ? { value: entry.SecretString, origin: `${origin}@${version}`, version }
      : { value: entry.SecretString, origin };
  }
  const listSecrets = secretLister({ sdk, client, fail, deadlineMs, prefix, sep, off });
  // Airflow tries no team-scoped key with an empty prefix.
  return awsVariableSource({
    name: SECRETS_MANAGER_SOURCE_NAME,
    init,
    off,
    matches,
    scopedNames: Boolean(prefix),
    read: (storedKey, signal) => read(secretIdFor(prefix, sep, storedKey), signal),
    hitOf: (hit) => hit,
    list: (options?: SourceCallOptions) =>
      listSecrets((head, pages) => listKeysUnder(head, () => true, pages), options),
  });
}
