import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { AwsClientInit, KnownIdsInit, OnSourceWarning } from "@awsconn/aws-source-common";
import type { ConnectionParser, TeamInit } from "@awsconn/core";

/**
 * Options of {@link fromSecretsManager}. Names follow Airflow's `SecretsManagerBackend` kwargs
 * (`connections_prefix` -> `prefix`, `connections_lookup_pattern` -> `lookupPattern`, ...); the
 * client options (`region`, `endpoint`, `profile`, `roleArn`, timeouts, `maxAttempts`) are
 * {@link AwsClientInit}'s.
 *
 * @example
 * ```ts
 * const init: SecretsManagerInit = { prefix: "airflow/connections", region: "eu-west-1", lookupPattern: "^aws_" };
 * ```
 */
export interface SecretsManagerInit extends AwsClientInit, TeamInit {
  /**
   * Secret-name prefix: the secret id is `prefix + sep + connId`. Trailing `sep` characters are
   * trimmed (as Airflow's `rstrip(sep)`). `""` means the bare connection id; `null` switches
   * connections off (Airflow's `connections_prefix=None`: every id is "not here", without a
   * request). Default `"airflow/connections"`.
   */
  prefix?: string | null;
  /** Separator between prefix and id. Default `"/"`; `null` (Airflow's `sep=None`) is a `ConfigError`. */
  sep?: string;
  /**
   * Only ids matching this regular expression (case-insensitive, anchored at the start like
   * Python's `re.match`) are looked up; any other id is "not here" without a request.
   */
  lookupPattern?: string;
  /**
   * More JSON key aliases per connection field, added to Airflow's table
   * (`{ login: ["usr"], password: ["pwd"] }`; `user` is accepted for `login`).
   */
  extraConnWords?: Readonly<Record<string, readonly string[]>>;
  /**
   * Airflow's connection parser to read secret values with: `"task"` (the Task SDK's, what a task
   * on a worker builds: `?timeout=30` is `"30"`) or `"server"` (`airflow.models.Connection`: `30`).
   * Default `"task"`.
   */
  parser?: ConnectionParser;
  /**
   * The version stage every `GetSecretValue` asks for (`VersionStage`): `AWSPENDING` reads the
   * value a rotation is about to make current, to test it before it finishes. Default: the
   * backend's (`AWSCURRENT`). Set to anything but `AWSCURRENT`, `getMany` reads id by id
   * (`BatchGetSecretValue` takes no stage); `put()` still writes a new `AWSCURRENT` version.
   */
  versionStage?: string;
  /**
   * An id manifest: the source lists its ids (`ListSecrets` under the prefix) at most once every
   * `refreshSeconds`, and an id not listed is "not here" without a `GetSecretValue`. A failed
   * listing falls back to per-id calls (a `KNOWN_IDS_UNAVAILABLE` warning). Needs `ListSecrets`.
   * A secret created elsewhere is found after the next listing. Default: no manifest.
   */
  knownIds?: KnownIdsInit;
  /** Told when the source answers in a slower way than asked (`BATCH_FALLBACK`, `KNOWN_IDS_UNAVAILABLE`) or refuses an id (`TEAM_ID_REFUSED`). */
  onWarning?: OnSourceWarning;
  /** Milliseconds, monotonic, for the manifest and the batch fallback (tests). Default `performance`. */
  clock?: { now(): number };
  /** A ready client; then `region`, `endpoint`, `profile`, `roleArn` and the timeouts are not used. */
  client?: SecretsManagerClient;
}
