import type { AwsClientInit } from "@awsconn/aws-source-common";
import type { ConnectionSource } from "@awsconn/core";
import type { Clock } from "./Clock.js";
import type { ResolverLogger } from "./ResolverEvent.js";

/**
 * What a source should do when its backend fails: stop the lookup (`fail`, the default) or pass to the next source (`skip`).
 *
 * @example
 * ```ts
 * onError: "skip"
 * ```
 */
export type OnError = "fail" | "skip";

/**
 * `first`: the first source that has the id wins (Airflow). `merge`: higher sources override fields of lower ones.
 *
 * @example
 * ```ts
 * createResolver({ mode: "merge", sources: [{ type: "env" }, { type: "secretsmanager" }] })
 * ```
 */
export type ResolveMode = "first" | "merge";

/**
 * Options every source entry accepts.
 *
 * @example
 * ```ts
 * { type: "secretsmanager", onError: "skip" }
 * ```
 */
export interface SourceEntryBase {
  /** `fail` (default): a backend failure stops the lookup. `skip`: the failure is logged and the next source is asked. */
  onError?: OnError;
}

/**
 * `AIRFLOW_CONN_*` environment variables (read live).
 *
 * @example
 * ```ts
 * { type: "env", prefix: "MY_CONN_" }
 * ```
 */
export interface EnvSourceConfig extends SourceEntryBase {
  type: "env";
  /** Variable name prefix. Default `AIRFLOW_CONN_`. */
  prefix?: string;
}

/**
 * A local `.json`, `.yaml`, `.yml` or `.env` connections file (read live; re-parsed when it changes).
 *
 * @example
 * ```ts
 * { type: "file", path: "./connections.yaml" }
 * ```
 */
export interface FileSourceConfig extends SourceEntryBase {
  type: "file";
  /** Path of the file; relative paths are taken from the config file's directory, else the working directory. */
  path: string;
}

/**
 * Options shared by the AWS sources: the client options of {@link AwsClientInit} (region, endpoint,
 * profile, roleArn, timeouts; `maxAttempts` is not configurable here) plus `lookupPattern`.
 *
 * @example
 * ```ts
 * { type: "ssm", region: "eu-west-1", lookupPattern: "^aws_" }
 * ```
 */
export interface AwsSourceConfigBase extends SourceEntryBase, Omit<AwsClientInit, "maxAttempts"> {
  /** Regex (case-insensitive, anchored at the start); ids that do not match are never looked up. */
  lookupPattern?: string;
}

/**
 * AWS Secrets Manager (cached).
 *
 * @example
 * ```ts
 * { type: "secretsmanager", prefix: "prod/conns", region: "eu-west-1", onError: "fail" }
 * ```
 */
export interface SecretsManagerSourceConfig extends AwsSourceConfigBase {
  type: "secretsmanager";
  /** Secret name prefix. Default `airflow/connections`; `null` or `""` means the bare id. */
  prefix?: string | null;
  /** Separator between prefix and id. Default `/`. */
  sep?: string;
  /** Extra JSON key aliases, Airflow's `extra_conn_words`: `{ login: ["usr"] }`. */
  extraConnWords?: Record<string, string[]>;
}

/**
 * AWS SSM Parameter Store (cached).
 *
 * @example
 * ```ts
 * { type: "ssm", prefix: "/team/conns" }
 * ```
 */
export interface SsmSourceConfig extends AwsSourceConfigBase {
  type: "ssm";
  /** Parameter name prefix. Default `/airflow/connections`. */
  prefix?: string;
}

/**
 * A source described by configuration.
 *
 * @example
 * ```ts
 * [{ type: "env" }, { type: "file", path: "conns.yaml" }, { type: "secretsmanager" }, { type: "ssm" }]
 * ```
 */
export type SourceConfig = EnvSourceConfig | FileSourceConfig | SecretsManagerSourceConfig | SsmSourceConfig;

/**
 * A ready source with per-source options. `live` sources are never cached (default: true for names `env` and `file`).
 *
 * @example
 * ```ts
 * { source: myVaultSource, onError: "skip", live: false }
 * ```
 */
export interface SourceWithOptions extends SourceEntryBase {
  source: ConnectionSource;
  live?: boolean;
}

/**
 * One entry of `sources`: a config object, any `ConnectionSource`, or a source with options.
 *
 * @example
 * ```ts
 * sources: [{ type: "env" }, myCustomSource, { source: other, onError: "skip" }]
 * ```
 */
export type SourceEntry = SourceConfig | ConnectionSource | SourceWithOptions;

/**
 * Cache settings (remote sources only; env and file are read live).
 *
 * @example
 * ```ts
 * { ttlSeconds: 60, negativeTtlSeconds: 5, staleWhileRevalidate: true, maxStaleSeconds: 600, maxEntries: 500 }
 * ```
 */
export interface CacheConfig {
  /** Remote hits are fresh this long. Default 300; 0 disables caching (lookups are still coalesced). */
  ttlSeconds?: number;
  /** "Found nowhere" is remembered this long. Default 5; 0 disables. */
  negativeTtlSeconds?: number;
  /** After the TTL, serve the cached value and refresh it once in the background. Default true. */
  staleWhileRevalidate?: boolean;
  /** When a refresh fails, a cached value younger than this is still served (with a `stale` event). Default 3600. */
  maxStaleSeconds?: number;
  /** At most this many ids are cached (least recently used are dropped). Default 1000. */
  maxEntries?: number;
}

/**
 * The configuration of {@link createResolver}.
 *
 * @example
 * ```ts
 * createResolver({ sources: [{ type: "env" }, { type: "secretsmanager", region: "eu-west-1" }], cache: { ttlSeconds: 60 } });
 * ```
 */
export interface ResolverConfig {
  /** Sources, highest priority first. Default `[{ type: "env" }]`. */
  sources?: SourceEntry[];
  /** Default `first`. */
  mode?: ResolveMode;
  /** Cache settings. */
  cache?: CacheConfig;
  /** Event receiver. */
  logger?: ResolverLogger;
  /** Injectable clock (tests). */
  clock?: Clock;
  /** Load sources/mode/cache from this YAML or JSON file instead (`logger` and `clock` still apply). */
  configFile?: string;
}
