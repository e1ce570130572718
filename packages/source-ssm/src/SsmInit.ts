import type { SSMClient } from "@aws-sdk/client-ssm";
import type { AwsClientInit, KnownIdsInit, OnSourceWarning } from "@awsconn/aws-source-common";
import type { ConnectionParser, TeamInit } from "@awsconn/core";

/**
 * Options of {@link fromSsm}. Names follow Airflow's `SystemsManagerParameterStoreBackend`
 * kwargs (`connections_prefix` -> `prefix`, `connections_lookup_pattern` -> `lookupPattern`); the
 * client options (`region`, `endpoint`, `profile`, `roleArn`, timeouts, `maxAttempts`) are
 * {@link AwsClientInit}'s.
 *
 * @example
 * ```ts
 * const init: SsmInit = { prefix: "/airflow/connections", region: "eu-west-1" };
 * ```
 */
export interface SsmInit extends AwsClientInit, TeamInit {
  /**
   * Parameter-name prefix: the name is `prefix + "/" + connId`, with a leading `/` ensured.
   * Trailing `/` are trimmed. `""` means `/<connId>`; `null` switches connections off (Airflow's
   * `connections_prefix=None`: every id is "not here", without a request). Default
   * `"/airflow/connections"`.
   */
  prefix?: string | null;
  /**
   * Only ids matching this regular expression (case-insensitive, anchored at the start like
   * Python's `re.match`) are looked up; any other id is "not here" without a request.
   */
  lookupPattern?: string;
  /**
   * Airflow's connection parser to read parameter values with: `"task"` (the Task SDK's, what a
   * task on a worker builds: `?timeout=30` is `"30"`) or `"server"` (`airflow.models.Connection`:
   * `30`). Default `"task"`.
   */
  parser?: ConnectionParser;
  /**
   * An id manifest: the source lists its ids (`GetParametersByPath` under the prefix, recursive)
   * at most once every `refreshSeconds`, and an id not listed is "not here" without a
   * `GetParameter`. A failed listing falls back to per-id calls (a `KNOWN_IDS_UNAVAILABLE`
   * warning). Needs `ssm:GetParametersByPath`; the listing pages share the `GetParameter*`
   * throughput quota. A parameter created elsewhere is found after the next listing. Default: no manifest.
   */
  knownIds?: KnownIdsInit;
  /** Told when the source answers in a slower way than asked (`KNOWN_IDS_UNAVAILABLE`). */
  onWarning?: OnSourceWarning;
  /** Milliseconds, monotonic, for the manifest (tests). Default `performance`. */
  clock?: { now(): number };
  /** A ready client; then `region`, `endpoint`, `profile`, `roleArn` and the timeouts are not used. */
  client?: SSMClient;
}
