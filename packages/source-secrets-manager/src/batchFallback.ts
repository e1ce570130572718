import type { OnSourceWarning } from "@awsconn/aws-source-common";

/** After a throttled `BatchGetSecretValue`, batches are tried again this long after (seconds). */
export const BATCH_REPROBE_SECONDS = 600;

/**
 * Why batches were given up.
 *
 * @example
 * ```ts
 * batches.refuse("access-denied" satisfies BatchRefusal, "AccessDeniedException");
 * ```
 */
export type BatchRefusal = "access-denied" | "throttled";

/**
 * Whether a source's `getMany` uses `BatchGetSecretValue`; see {@link batchFallback}.
 *
 * @example
 * ```ts
 * if (batches.useBatch()) await batch(chunk); else await oneByOne(chunk);
 * ```
 */
export interface BatchFallback {
  /** `true` unless batches were refused (for good when denied, for a while when throttled). */
  useBatch(): boolean;
  /** Records a refused batch and tells `onWarning` once per refusal. */
  refuse(why: BatchRefusal, errorName: string): void;
}

/**
 * The batch switch of one source: after `BatchGetSecretValue` is refused, `getMany` reads ids with
 * concurrent `GetSecretValue` calls instead, without trying the batch on every call. Access denied
 * (an SCP or policy that allows only `GetSecretValue`) is for the life of the source: policies
 * rarely change under a running process, and a restart tries again. Throttled (after the SDK's
 * retries) is for {@link BATCH_REPROBE_SECONDS}, then the next `getMany` tries one batch again.
 * Each refusal is reported once (`BATCH_FALLBACK`).
 *
 * @example
 * ```ts
 * const batches = batchFallback({ source: "secretsmanager", onWarning });
 * if (!batches.useBatch()) return oneByOne(ids);
 * ```
 */
export function batchFallback(init: {
  source: string;
  clock?: { now(): number } | undefined;
  onWarning?: OnSourceWarning | undefined;
}): BatchFallback {
  const clock = init.clock ?? performance;
  let refused: { why: BatchRefusal; at: number } | undefined;
  return {
    useBatch() {
      if (!refused) return true;
      if (refused.why === "access-denied") return false;
      if (clock.now() - refused.at < BATCH_REPROBE_SECONDS * 1000) return false;
      refused = undefined;
      return true;
    },
    refuse(why, errorName) {
      refused = { why, at: clock.now() };
      const until =
        why === "access-denied"
          ? "from now on (the source's lifetime)"
          : `for ${BATCH_REPROBE_SECONDS} s, then a batch is tried again`;
      init.onWarning?.({
        code: "BATCH_FALLBACK",
        message: `${init.source}: BatchGetSecretValue was ${why === "access-denied" ? "denied" : "throttled"} (${errorName}); reading ids with concurrent GetSecretValue calls ${until}`,
      });
    },
  };
}
