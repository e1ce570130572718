import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import {
  BatchHits,
  awsPages,
  type failureFor,
  paginatorClient,
  sendWithin,
} from "@awsconn/aws-source-common";
import { SourceError, type SourceHit } from "@awsconn/core";
import type { BatchFallback } from "./batchFallback.js";
import { forEachBounded } from "./forEachBounded.js";

/** `BatchGetSecretValue` takes at most 20 ids a call. */
export const BATCH_GET_LIMIT = 20;
/** `GetSecretValue` calls in flight at once when `getMany` reads ids one by one. */
export const GET_SECRET_CONCURRENCY = 8;
/** Airflow's not-found codes: the secret is "not here". Every other failure is a `SourceError`. */
export const SECRETS_MANAGER_NOT_FOUND = new Set([
  "ResourceNotFoundException",
  "InvalidRequestException",
  "InvalidParameterException",
]);

/**
 * The part of a secret value a connection is read from.
 *
 * @example
 * ```ts
 * const entry: SecretEntry = { SecretString: "aws://h", VersionId: "v1" };
 * ```
 */
export interface SecretEntry {
  SecretString?: string;
  SecretBinary?: Uint8Array;
  VersionId?: string;
}

/**
 * What {@link secretReader} needs from its source.
 *
 * @example
 * ```ts
 * const init: SecretReaderInit = { sdk, client, fail, deadlineMs: 15_000, versionStage: undefined, hitOf, batches };
 * ```
 */
export interface SecretReaderInit {
  sdk: () => Promise<typeof import("@aws-sdk/client-secrets-manager")>;
  client: () => Promise<SecretsManagerClient>;
  fail: ReturnType<typeof failureFor>;
  deadlineMs: number;
  /** `VersionStage` of every `GetSecretValue`; set (and not `AWSCURRENT`), `getMany` reads id by id. */
  versionStage: string | undefined;
  /** The hit of one secret value (throws `ConnectionFormatError`). */
  hitOf: (connId: string, secretId: string, entry: SecretEntry) => SourceHit;
  batches: BatchFallback;
}

/**
 * The reads of a Secrets Manager source; see {@link secretReader}.
 *
 * @example
 * ```ts
 * const hit = await read.one("aws_default", "airflow/connections/aws_default", signal);
 * ```
 */
export interface SecretReader {
  /** `GetSecretValue` of one secret: its hit, `undefined` when not found, else it throws. */
  one(connId: string, secretId: string, signal: AbortSignal | undefined): Promise<SourceHit | undefined>;
  /** Many secrets (secret id -> conn id): batches of 20 when they can be used, else 8 at a time. */
  many(idBySecret: ReadonlyMap<string, string>, signal: AbortSignal | undefined): Promise<BatchHits>;
}

/**
 * The reads of a Secrets Manager source. `many` uses `BatchGetSecretValue` (20 ids a call);
 * a per-secret error in a batch reply is that id's outcome (not-found codes: absent, any other:
 * its `SourceError`). A batch refused as access denied or throttled (after the SDK's retries) is
 * reported through `batches` and the rest of the ids, and later calls, go out as concurrent
 * `GetSecretValue` calls, {@link GET_SECRET_CONCURRENCY} at a time, each id with its own outcome.
 * With a `versionStage` other than `AWSCURRENT` (which `BatchGetSecretValue` cannot ask for),
 * `many` always reads id by id.
 *
 * @example
 * ```ts
 * const read = secretReader({ sdk, client, fail, deadlineMs, versionStage, hitOf, batches });
 * const hits = await read.many(new Map([["airflow/connections/a", "a"]]), signal);
 * ```
 */
export function secretReader(init: SecretReaderInit): SecretReader {
  const { sdk, client, fail, deadlineMs, versionStage, hitOf, batches } = init;
  const stage = versionStage === undefined ? {} : { VersionStage: versionStage };
  const batchable = versionStage === undefined || versionStage === "AWSCURRENT";

  const one: SecretReader["one"] = async (connId, secretId, signal) => {
    let entry: SecretEntry;
    try {
      const [{ GetSecretValueCommand }, c] = await Promise.all([sdk(), client()]);
      entry = await sendWithin(
        c,
        new GetSecretValueCommand({ SecretId: secretId, ...stage }),
        deadlineMs,
        signal,
      );
    } catch (error) {
      if (!signal?.aborted && SECRETS_MANAGER_NOT_FOUND.has((error as Error)?.name)) return undefined;
      throw await fail(error, "GetSecretValue", secretId, signal);
    }
    return hitOf(connId, secretId, entry);
  };

  /** One batch of at most 20 ids, every page of it; records each id's outcome in `answers`. */
  const batch = async (
    chunk: string[],
    idBySecret: ReadonlyMap<string, string>,
    answers: BatchHits,
    signal?: AbortSignal,
  ) => {
    const [{ paginateBatchGetSecretValue, SecretsManagerClient }, c] = await Promise.all([sdk(), client()]);
    const pages = awsPages(
      {
        deadlineMs,
        signal,
        fail: (e) => fail(e, "BatchGetSecretValue", `${chunk.length} ids from ${chunk[0]}`, signal),
      },
      (abortSignal) =>
        paginateBatchGetSecretValue(
          { client: paginatorClient(SecretsManagerClient, c) },
          { SecretIdList: chunk },
          { abortSignal },
        ),
      (page) => page,
    );
    for await (const page of pages) {
      for (const failed of page.Errors ?? []) {
        if (failed.ErrorCode && SECRETS_MANAGER_NOT_FOUND.has(failed.ErrorCode)) continue;
        const connId = failed.SecretId === undefined ? undefined : idBySecret.get(failed.SecretId);
        const wrapped = Object.assign(new Error(failed.Message ?? "failed"), {
          name: failed.ErrorCode ?? "Error",
        });
        const error = await fail(wrapped, "BatchGetSecretValue", failed.SecretId ?? chunk[0] ?? "", signal);
        if (connId === undefined) throw error; // an error for an id we did not ask for: the batch failed
        answers.fail(connId, error);
      }
      for (const entry of page.SecretValues ?? []) {
        const connId = entry.Name === undefined ? undefined : idBySecret.get(entry.Name);
        if (connId === undefined || !entry.Name) continue;
        try {
          answers.set(connId, hitOf(connId, entry.Name, entry));
        } catch (error) {
          answers.fail(connId, error);
        }
      }
    }
  };

  return {
    one,
    async many(idBySecret, signal) {
      const answers = new BatchHits();
      let open = [...idBySecret.keys()];
      if (batchable && batches.useBatch()) {
        try {
          await Promise.all([sdk(), client()]);
        } catch (error) {
          throw await fail(error, "BatchGetSecretValue", open[0] as string, signal);
        }
        while (open.length > 0) {
          const chunk = open.slice(0, BATCH_GET_LIMIT);
          try {
            await batch(chunk, idBySecret, answers, signal);
          } catch (error) {
            const why = error instanceof SourceError ? refusalOf(error) : undefined;
            if (why === undefined) throw error;
            batches.refuse(why, (error as SourceError).awsErrorName ?? why);
            break;
          }
          open = open.slice(chunk.length);
        }
        // A batch cut short leaves its answered ids in `answers`: read only the others one by one.
        open = open.filter((secretId) => !answers.settles(idBySecret.get(secretId) as string));
      }
      await forEachBounded(
        open,
        GET_SECRET_CONCURRENCY,
        async (secretId) => {
          const connId = idBySecret.get(secretId) as string;
          try {
            const hit = await one(connId, secretId, signal);
            if (hit) answers.set(connId, hit);
          } catch (error) {
            answers.fail(connId, error);
          }
        },
        signal,
      );
      signal?.throwIfAborted();
      return answers;
    },
  };
}

// ---------------------------------------------------------------------------------------------

function refusalOf(error: SourceError): "access-denied" | "throttled" | undefined {
  return error.kind === "access-denied" || error.kind === "throttled" ? error.kind : undefined;
}
