import { BatchHits, awsConnectionSource, listConnIds, withDeadline } from "@awsconn/aws-source-common";
import type { ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import { ConfigError, ConnectionFormatError, hitOrigin, hitWithOrigin } from "@awsconn/core";
import type { SecretsManagerInit } from "./SecretsManagerInit.js";
import { batchFallback } from "./batchFallback.js";
import { parseSecretString } from "./parseSecretString.js";
import { type ExistingSecret, mergeConnectionSecret } from "./mergeConnectionSecret.js";
import { secretIdFor } from "./secretIdFor.js";
import { secretLister } from "./secretLister.js";
import { secretsManagerKit, secretsManagerSep } from "./secretsManagerKit.js";
import { SECRETS_MANAGER_NOT_FOUND, type SecretEntry, secretReader } from "./secretReader.js";
import { EXTRA_CONN_WORD_FIELDS } from "./standardizeSecretKeys.js";

/** The source name (`SourceError.source`, `explain` output). */
export const SECRETS_MANAGER_SOURCE_NAME = "secretsmanager";
/** Airflow's default `connections_prefix`. */
export const DEFAULT_SECRETS_MANAGER_PREFIX = "airflow/connections";
/**
 * Connections from AWS Secrets Manager, as Airflow's `SecretsManagerBackend`:
 * `GetSecretValue(SecretId = prefix + sep + connId)` (`airflow/connections/<id>` by default).
 *
 * - the value is a URI, or JSON whose keys are standardised with Airflow's alias table plus
 *   `extraConnWords` (`user` -> login, `pass` -> password, `engine` -> conn_type...); `extra` may
 *   be an object or a JSON string
 * - `ResourceNotFoundException`, `InvalidRequestException`, `InvalidParameterException` -> `undefined`;
 *   every other failure -> `SourceError` (`retryable` for throttling, 5xx, timeouts, network).
 *   Unlike Airflow, `DecryptionFailure` and `InternalServiceError` are failures, not "not here"
 * - a secret with only `SecretBinary` -> `ConnectionFormatError`
 * - origin `secretsmanager:<SecretId>@<VersionId>`, `version` = VersionId (of `AWSCURRENT`, or of
 *   `versionStage`: `GetSecretValue` is asked for that stage, e.g. `AWSPENDING` during a rotation)
 * - `getMany`: `BatchGetSecretValue`, 20 ids a call; a per-secret error of the reply is that id's
 *   outcome (the answer's `get(id)` throws it, see {@link BatchHits}). A batch denied or throttled
 *   falls back, with a `BATCH_FALLBACK` warning, to concurrent `GetSecretValue` calls (8 at a time),
 *   for good when denied, for 10 minutes when throttled (see `batchFallback`); with a `versionStage`
 *   other than `AWSCURRENT` it always reads id by id (the batch call takes no stage)
 * - `knownIds: { refreshSeconds }`: an id manifest from `ListSecrets`, listed at most once per
 *   interval; an id not in it is "not here" without a call (see `idManifest`)
 * - `team` (Airflow 3.3): `<prefix>/<team>--<id>` is read first, `<prefix>/<id>` when it is not
 *   found (never with an empty prefix, as Airflow); in multi-team mode an id containing `--` is
 *   "not here" with a `TEAM_ID_REFUSED` warning, and `list()` shows the team's ids as bare ids and
 *   no other team's (`awsTeamNames`)
 * - `list()`: `ListSecrets` under the prefix (the SDK's paginator); `put()`: creates or updates the
 *   secret as Airflow's connection JSON (always a new `AWSCURRENT` version)
 * - `@aws-sdk/client-secrets-manager` is loaded on first use; every attempt has a connect timeout
 *   (1 s) and a request timeout that covers the whole answer, body included (3 s), with the SDK's
 *   standard retry (3 attempts); every call has a deadline over all its attempts (`callDeadlineMs`:
 *   15 s by default), also with a ready `client`
 *
 * @example
 * ```ts
 * const sm = fromSecretsManager({ region: "eu-west-1", lookupPattern: "^aws_" });
 * const hit = await sm.get("aws_default"); // airflow/connections/aws_default
 * const all = await sm.getMany?.(["aws_default", "aws_backup"]);
 * ```
 */
export function fromSecretsManager(init: SecretsManagerInit = {}): ConnectionSource {
  const sep = secretsManagerSep(init);
  // prefix null switches connections off, as Airflow's connections_prefix=None: every id is
  // "not here" without a request, list() is empty and put() refuses.
  const { prefix, off, matches, client, sdk, fail, deadlineMs } = secretsManagerKit(
    init,
    DEFAULT_SECRETS_MANAGER_PREFIX,
  );

  const extraConnWords = init.extraConnWords ?? {};
  for (const [field, words] of Object.entries(extraConnWords)) {
    if (!EXTRA_CONN_WORD_FIELDS.includes(field)) {
      throw new ConfigError(`unknown field; expected one of ${EXTRA_CONN_WORD_FIELDS.join(", ")}`, {
        path: `extraConnWords.${field}`,
      });
    }
    if (!Array.isArray(words) || words.some((w) => typeof w !== "string")) {
      throw new ConfigError("must be a list of strings", { path: `extraConnWords.${field}` });
    }
  }
  const versionStage = init.versionStage;
  if (versionStage !== undefined && (typeof versionStage !== "string" || versionStage === "")) {
    throw new ConfigError(
      "must be a non-empty string (AWSCURRENT, AWSPENDING, AWSPREVIOUS or your own label)",
      {
        path: "versionStage",
      },
    );
  }
  /** `secretsmanager:<SecretId>`, with `@<VersionId>` when there is one. */
  const originOf = (secretId: string, version?: string) =>
    `${SECRETS_MANAGER_SOURCE_NAME}:${secretId}${version ? `@${version}` : ""}`;
  const plainOrigin = hitOrigin(({ connection, version }) =>
    originOf(secretIdFor(prefix, sep, connection.connId), version),
  );
  const hitOf = (connId: string, secretId: string, entry: SecretEntry): SourceHit => {
    const origin = originOf(secretId);
    if (typeof entry.SecretString !== "string") {
      throw new ConnectionFormatError(
        entry.SecretBinary
          ? "the secret has only SecretBinary; a connection must be stored as SecretString (URI or JSON)"
          : "the secret has no SecretString",
        { origin },
      );
    }
    const connection = parseSecretString(entry.SecretString, connId, origin, extraConnWords, init.parser);
    const version = entry.VersionId || undefined;
    // The usual secret id (prefix + sep + id) is built again when the origin is read, not kept.
    if (connection.connId === connId && secretId === secretIdFor(prefix, sep, connId)) {
      return hitWithOrigin(connection, version, plainOrigin);
    }
    return hitWithOrigin(connection, version, originOf(secretId, version));
  };
  const batches = batchFallback({
    source: SECRETS_MANAGER_SOURCE_NAME,
    clock: init.clock,
    onWarning: init.onWarning,
  });
  const read = secretReader({ sdk, client, fail, deadlineMs, versionStage, hitOf, batches });

  const listSecrets = secretLister({ sdk, client, fail, deadlineMs, prefix, sep, off });
  const list = (options?: SourceCallOptions) => listSecrets(listConnIds, options);
  return awsConnectionSource({
    name: SECRETS_MANAGER_SOURCE_NAME,
    init,
    off,
    matches,
    // Airflow tries no team-scoped name with an empty prefix.
    scopedNames: Boolean(prefix),
    readOne: (connId, storedId, signal) => read.one(connId, secretIdFor(prefix, sep, storedId), signal),

    async readMany({ asked, scoped, knownOnly }, signal) {
      // With a team, the scoped names are read first; an id found there (or failed) is settled.
      const first = new Map<string, string>();
      for (const [id, scopedId] of scoped) first.set(secretIdFor(prefix, sep, scopedId), id);
      const teamHits = first.size > 0 ? await read.many(first, signal) : undefined;
      const rest = await knownOnly(asked.filter((id) => !teamHits?.settles(id)));
      const idBySecret = new Map(rest.map((id) => [secretIdFor(prefix, sep, id), id] as const));
      if (teamHits === undefined) return idBySecret.size > 0 ? read.many(idBySecret, signal) : new Map();
      const hits = idBySecret.size > 0 ? await read.many(idBySecret, signal) : new BatchHits();
      hits.absorb(teamHits);
      return hits;
    },

    list,

    async write(connection, signal) {
      const secretId = secretIdFor(prefix, sep, connection.connId);
      const secrets = [connection.password ?? ""];
      try {
        const [{ GetSecretValueCommand, PutSecretValueCommand, CreateSecretCommand }, c] = await Promise.all([
          sdk(),
          client(),
        ]);
        // Keys the connection does not own (rotation metadata) stay: merge into what is there.
        let existing: ExistingSecret;
        try {
          const entry = await withDeadline(deadlineMs, signal, (abortSignal) =>
            c.send(new GetSecretValueCommand({ SecretId: secretId }), { abortSignal }),
          );
          existing =
            typeof entry.SecretString === "string"
              ? { secretString: entry.SecretString }
              : { binaryOnly: true };
          secrets.push(entry.SecretString ?? "");
        } catch (error) {
          if (signal?.aborted || !SECRETS_MANAGER_NOT_FOUND.has((error as Error)?.name)) throw error;
        }
        const origin = `${SECRETS_MANAGER_SOURCE_NAME}:${secretId}`;
        const value = mergeConnectionSecret(existing, connection, extraConnWords, origin);
        secrets.push(value);
        if (existing) {
          await withDeadline(deadlineMs, signal, (abortSignal) =>
            c.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }), { abortSignal }),
          );
        } else {
          try {
            await withDeadline(deadlineMs, signal, (abortSignal) =>
              c.send(new CreateSecretCommand({ Name: secretId, SecretString: value }), { abortSignal }),
            );
          } catch (error) {
            // Not readable but there (scheduled for deletion...): PutSecretValue says why.
            if ((error as Error)?.name !== "ResourceExistsException") throw error;
            await withDeadline(deadlineMs, signal, (abortSignal) =>
              c.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }), { abortSignal }),
            );
          }
        }
      } catch (error) {
        if (error instanceof ConnectionFormatError) throw error;
        throw await fail(error, "PutSecretValue/CreateSecret", secretId, signal, secrets);
      }
    },
  });
}
