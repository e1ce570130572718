import type { AwsClientInit } from "@awsconn/aws-source-common";
import type { Connection, ConnectionSource } from "@awsconn/core";

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
 * A clock in milliseconds; must be monotonic and start above 0. Default `performance`.
 *
 * @example
 * ```ts
 * let t = 1000; createResolver({ clock: { now: () => t } });
 * ```
 */
export interface Clock {
  now(): number;
}

/**
 * An event of the resolver. No event ever carries a secret.
 *
 * @example
 * ```ts
 * { type: "stale", connId: "aws_default", source: "secretsmanager", origin: "secretsmanager:...", ageSeconds: 412, error: "secretsmanager: throttled" }
 * ```
 */
export type ResolverEvent =
  | { type: "hit"; connId: string; source: string; origin: string; ms: number }
  | { type: "miss"; connId: string; sources: string[]; ms: number }
  | { type: "stale"; connId: string; source: string; origin: string; ageSeconds: number; error: string }
  | { type: "error"; connId: string; source: string; code: string; error: string; skipped: boolean }
  | { type: "refresh"; connId: string; outcome: "updated" | "unchanged" | "failed"; ms: number };

/**
 * Receives events: a function, or a console-like object (`warn` for stale/error, `debug` or `info` for the rest).
 *
 * @example
 * ```ts
 * createResolver({ logger: (event) => metrics.increment(`awsconn.${event.type}`) });
 * createResolver({ logger: console });
 * ```
 */
export type ResolverLogger =
  | ((event: ResolverEvent) => void)
  | {
      warn(message: string, event: ResolverEvent): void;
      info?(message: string, event: ResolverEvent): void;
      debug?(message: string, event: ResolverEvent): void;
    };

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

/**
 * One step of a lookup, as {@link Explanation} shows it.
 *
 * @example
 * ```ts
 * { source: "secretsmanager", outcome: "hit", ms: 41.7, origin: "secretsmanager:airflow/connections/aws_default@3f1c" }
 * ```
 */
export interface ExplainStep {
  /** The source's label (its name; `name#N` when names repeat). */
  source: string;
  outcome: "hit" | "miss" | "error" | "skipped" | "cached" | "stale";
  /** Time spent in this step, in ms (0 for cache reads). */
  ms: number;
  origin?: string;
  error?: { name: string; code?: string; message: string };
}

/**
 * What {@link Resolver.explain} returns.
 *
 * @example
 * ```ts
 * const { winner, steps } = await resolver.explain("aws_default");
 * ```
 */
export interface Explanation {
  connId: string;
  /** The winning source and origin (merge mode: the highest layer that had the id), or `null`. */
  winner: { source: string; origin: string } | null;
  steps: ExplainStep[];
  /** Merge mode: which layer gave each field (`host`, `extra.region_name`, ...). */
  fields?: Record<string, string>;
}

/**
 * The outcome of one uncached lookup.
 *
 * @example
 * ```ts
 * { connId: "db", connection, winner: { source: "ssm", origin: "ssm:/airflow/connections/db#3" }, steps, remote: true, live: false }
 * ```
 */
export interface Resolution {
  connId: string;
  connection?: Connection;
  winner: { source: string; origin: string } | null;
  steps: ExplainStep[];
  fields?: Record<string, string>;
  /** The lookup stopped on this error (fail closed). */
  error?: Error;
  /** True when a remote (cacheable) source was consulted or contributed. */
  remote: boolean;
  /** True when a live source contributed to the result. */
  live: boolean;
}
