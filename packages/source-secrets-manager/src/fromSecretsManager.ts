import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import {
  callDeadlineMs,
  compileLookupPattern,
  failureFor,
  lazyClient,
  listConnIds,
  refuseWriteWhenSwitchedOff,
  trimPrefix,
  withDeadline,
} from "@awsconn/aws-source-common";
import type { Connection, ConnectionSource, SourceCallOptions, SourceHit } from "@awsconn/core";
import { ConfigError, ConnectionFormatError, validateConnId } from "@awsconn/core";
import type { SecretsManagerInit } from "./SecretsManagerInit.js";
import { createSecretsManagerClient } from "./createSecretsManagerClient.js";
import { parseSecretString } from "./parseSecretString.js";
import { type ExistingSecret, mergeConnectionSecret } from "./mergeConnectionSecret.js";
import { secretIdFor } from "./secretIdFor.js";
import { EXTRA_CONN_WORD_FIELDS } from "./standardizeSecretKeys.js";

/** The source name (`SourceError.source`, `explain` output). */
export const SECRETS_MANAGER_SOURCE_NAME = "secretsmanager";
/** Airflow's default `connections_prefix`. */
export const DEFAULT_SECRETS_MANAGER_PREFIX = "airflow/connections";
/** Airflow's not-found codes: the secret is "not here". Every other failure is a `SourceError`. */
export const SECRETS_MANAGER_NOT_FOUND = new Set([
  "ResourceNotFoundException",
  "InvalidRequestException",
  "InvalidParameterException",
]);
/** `BatchGetSecretValue` takes at most 20 ids a call. */
export const BATCH_GET_LIMIT = 20;

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
 * - origin `secretsmanager:<SecretId>@<VersionId>`, `version` = VersionId (always `AWSCURRENT`)
 * - `getMany`: `BatchGetSecretValue`, 20 ids a call; `list()`: `ListSecrets` under the prefix;
 *   `put()`: creates or updates the secret as Airflow's connection JSON
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
  const sep = init.sep ?? "/";
  const prefix = trimPrefix(init.prefix === undefined ? DEFAULT_SECRETS_MANAGER_PREFIX : init.prefix, sep);
  // prefix null switches connections off, as Airflow's connections_prefix=None: every id is
  // "not here" without a request, list() is empty and put() refuses.
  const off = init.prefix === null;
  const pattern = compileLookupPattern(init.lookupPattern);
  const matches = off ? () => false : pattern;
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
  const client = lazyClient<SecretsManagerClient>(init.client, () => createSecretsManagerClient(init));
  // The SDK module, loaded once (a repeated dynamic import() costs a module-map lookup and a promise per call).
  const sdk = lazyClient(undefined, () => import("@aws-sdk/client-secrets-manager"));
  const fail = failureFor(SECRETS_MANAGER_SOURCE_NAME);
  const deadlineMs = callDeadlineMs(init);
  const hitOf = (connId: string, secretId: string, entry: SecretEntry): SourceHit => {
    const origin = `${SECRETS_MANAGER_SOURCE_NAME}:${secretId}`;
    if (typeof entry.SecretString !== "string") {
      throw new ConnectionFormatError(
        entry.SecretBinary
          ? "the secret has only SecretBinary; a connection must be stored as SecretString (URI or JSON)"
          : "the secret has no SecretString",
        { origin },
      );
    }
    const connection = parseSecretString(entry.SecretString, connId, origin, extraConnWords);
    const version = entry.VersionId;
    return version ? { connection, origin: `${origin}@${version}`, version } : { connection, origin };
  };

  return {
    name: SECRETS_MANAGER_SOURCE_NAME,

    async get(connId: string, options?: SourceCallOptions): Promise<SourceHit | undefined> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      validateConnId(connId);
      if (!matches(connId)) return undefined;
      const secretId = secretIdFor(prefix, sep, connId);
      let entry: SecretEntry;
      try {
        const [{ GetSecretValueCommand }, c] = await Promise.all([sdk(), client()]);
        entry = await withDeadline(deadlineMs, signal, (abortSignal) =>
          c.send(new GetSecretValueCommand({ SecretId: secretId }), { abortSignal }),
        );
      } catch (error) {
        if (!signal?.aborted && SECRETS_MANAGER_NOT_FOUND.has((error as Error)?.name)) return undefined;
        throw await fail(error, "GetSecretValue", secretId, signal);
      }
      return hitOf(connId, secretId, entry);
    },

    async getMany(connIds: readonly string[], options?: SourceCallOptions): Promise<Map<string, SourceHit>> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      for (const id of connIds) validateConnId(id);
      const idBySecret = new Map<string, string>();
      for (const id of connIds) if (matches(id)) idBySecret.set(secretIdFor(prefix, sep, id), id);
      const found = new Map<string, SourceHit>();
      const secretIds = [...idBySecret.keys()];
      if (secretIds.length === 0) return found;
      const [{ BatchGetSecretValueCommand }, c] = await Promise.all([sdk(), client()]).catch(
        async (error) => {
          throw await fail(error, "BatchGetSecretValue", secretIds[0] as string, signal);
        },
      );
      for (let i = 0; i < secretIds.length; i += BATCH_GET_LIMIT) {
        const chunk = secretIds.slice(i, i + BATCH_GET_LIMIT);
        let nextToken: string | undefined;
        do {
          let page: BatchPage;
          try {
            page = await withDeadline(deadlineMs, signal, (abortSignal) =>
              c.send(new BatchGetSecretValueCommand({ SecretIdList: chunk, NextToken: nextToken }), {
                abortSignal,
              }),
            );
          } catch (error) {
            throw await fail(error, "BatchGetSecretValue", `${chunk.length} ids from ${chunk[0]}`, signal);
          }
          for (const failed of page.Errors ?? []) {
            if (failed.ErrorCode && SECRETS_MANAGER_NOT_FOUND.has(failed.ErrorCode)) continue;
            const wrapped = Object.assign(new Error(failed.Message ?? "failed"), {
              name: failed.ErrorCode ?? "Error",
            });
            throw await fail(wrapped, "BatchGetSecretValue", failed.SecretId ?? chunk[0] ?? "", signal);
          }
          for (const entry of page.SecretValues ?? []) {
            const connId = entry.Name === undefined ? undefined : idBySecret.get(entry.Name);
            if (connId !== undefined && entry.Name) found.set(connId, hitOf(connId, entry.Name, entry));
          }
          nextToken = page.NextToken;
        } while (nextToken);
      }
      return found;
    },

    async *list(options?: SourceCallOptions): AsyncIterable<string> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      if (off) return;
      const head = prefix ? `${prefix}${sep}` : "";
      const [{ ListSecretsCommand }, c] = await Promise.all([sdk(), client()]).catch(async (error) => {
        throw await fail(error, "ListSecrets", head, signal);
      });
      // The name filter is a case-insensitive prefix match with a restricted alphabet: filter here too.
      const filters = head && FILTERABLE.test(head) ? [{ Key: "name" as const, Values: [head] }] : undefined;
      yield* listConnIds(head, matches, async (nextToken) => {
        try {
          const page = await withDeadline(deadlineMs, signal, (abortSignal) =>
            c.send(new ListSecretsCommand({ Filters: filters, NextToken: nextToken, MaxResults: 100 }), {
              abortSignal,
            }),
          );
          return { names: (page.SecretList ?? []).map((s) => s.Name), nextToken: page.NextToken };
        } catch (error) {
          throw await fail(error, "ListSecrets", head, signal);
        }
      });
    },

    async put(connection: Connection, options?: SourceCallOptions): Promise<void> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      validateConnId(connection.connId);
      refuseWriteWhenSwitchedOff(off);
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
  };
}

// ---------------------------------------------------------------------------------------------

interface SecretEntry {
  SecretString?: string;
  SecretBinary?: Uint8Array;
  VersionId?: string;
}
interface BatchPage {
  SecretValues?: (SecretEntry & { Name?: string })[];
  Errors?: { SecretId?: string; ErrorCode?: string; Message?: string }[];
  NextToken?: string;
}

/** Characters AWS accepts in a ListSecrets name filter value. */
const FILTERABLE = /^[a-zA-Z0-9 :_@/+=.-]*$/;
