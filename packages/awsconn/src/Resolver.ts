import type { Connection, ConnectionParser, ConnectionSource, SourceCallOptions } from "@awsconn/core";
import type { AwsClientConfig } from "./awsClientConfig.js";
import type { Explanation } from "./Explanation.js";
import type { PreloadOptions } from "./PreloadOptions.js";
import type { ResolveResult } from "./ResolveResult.js";
import type { VariableExplanation, VariableListing } from "./VariableExplanation.js";
import type { VariableResult } from "./VariableResult.js";

/**
 * What {@link Resolver.preload} found.
 *
 * @example
 * ```ts
 * await resolver.preload(["aws_default", "gone"]); // { found: ["aws_default"], notFound: ["gone"] }
 * await resolver.preloadVariables(["region", "gone"]); // { found: ["region"], notFound: ["gone"] }
 * ```
 */
export interface PreloadResult {
  found: string[];
  notFound: string[];
}

/**
 * Where the resolver's configuration came from, and why that one was used.
 *
 * @example
 * ```ts
 * resolver.config; // { origin: "/srv/app/awsconn.config.yaml", reason: "working directory" }
 * ```
 */
export interface ConfigProvenance {
  /** `code`, the config file's absolute path, `AIRFLOW__SECRETS__BACKEND` / `AIRFLOW__WORKERS__SECRETS_BACKEND`, or `default`. */
  origin: string;
  /**
   * Why it won: `code` (an object passed to `createResolver`), `explicit` (a path passed in, or
   * `--config`), `AWSCONN_CONFIG`, `working directory` (`./awsconn.config.*`), `Airflow settings`,
   * or `default` (nothing found: `[env]`).
   */
  reason: "code" | "explicit" | "AWSCONN_CONFIG" | "working directory" | "Airflow settings" | "default";
  /**
   * What the configuration asked for that awsconn does not apply (an Airflow backend kwarg nothing
   * reads, say), one line each, naming the setting; never a value. Empty when there is nothing to say.
   */
  warnings: readonly string[];
  /**
   * The Airflow parser the configured env, Secrets Manager and SSM sources read values with
   * (`connectionParser`: `task`, the default, or `server`).
   */
  connectionParser: ConnectionParser;
  /** The Airflow 3.3 team every source reads for (`team`, `AWSCONN_TEAM`, `--team`), if any. */
  team?: string;
  /** Whether multi-team mode is on (`multiTeam`: ids containing the team separator are refused). */
  multiTeam: boolean;
}

/**
 * Resolves connections from the configured sources; see {@link createResolver}.
 *
 * @example
 * ```ts
 * const resolver: Resolver = createResolver();
 * const conn = await resolver.get("aws_default");
 * const { connection, source, origin } = await resolver.resolve("aws_default", { signal: AbortSignal.timeout(5000) });
 * const { value } = await resolver.getVariable("region");
 * ```
 */
export interface Resolver {
  /**
   * The connection with its provenance (winning source, origin, version; in merge mode per-field
   * provenance and the merged layers). Throws `ConnectionNotFoundError`, `SourceError`,
   * `ConnectionFormatError`, `InvalidConnIdError`, or the signal's reason when `signal` aborts.
   */
  resolve(connId: string, options?: SourceCallOptions): Promise<ResolveResult>;
  /** The connection: the short form of {@link Resolver.resolve}; throws as it does. */
  get(connId: string, options?: SourceCallOptions): Promise<Connection>;
  /** The connections found (absent ids are left out); a failing source rejects as in `get`. */
  getMany(connIds: readonly string[], options?: SourceCallOptions): Promise<Map<string, Connection>>;
  /**
   * Looks ids up in batches, filling the sources' caches; a failing source rejects as in `get`,
   * except throttling: throttled ids are asked again with a full-jitter backoff for up to
   * `waitSeconds` (default 300; see {@link PreloadOptions}), so that a fleet starting at once waits
   * for its API quota instead of failing its start.
   */
  preload(connIds: readonly string[], options?: PreloadOptions): Promise<PreloadResult>;
  /**
   * Every source consulted, its outcome, time, origin and cache state; never throws for a failed
   * lookup (an invalid id or an aborted signal still throw).
   */
  explain(connId: string, options?: SourceCallOptions): Promise<Explanation>;
  /**
   * AWS SDK v3 client configuration for an `aws` connection. Its `credentials` follow the connection
   * through rotations (long-term keys leased for the cache lifetime; one re-resolve past the cache on
   * an auth error, through its `extensions`): a client made once needs no restart.
   */
  getAwsClientConfig(connId: string, service?: string): Promise<AwsClientConfig>;
  /**
   * An Airflow Variable with its provenance, from the first configured source that has it (env:
   * `AIRFLOW_VAR_<KEY>`, a file entry's `variablesPath`, Secrets Manager `airflow/variables/<key>`,
   * SSM `/airflow/variables/<key>`), with the connections' fail-closed and `onError: skip` rules;
   * remote answers cached. Throws `VariableNotFoundError`, `SourceError`, `ConnectionFormatError`
   * (a malformed variables file), or the signal's reason.
   */
  getVariable(key: string, options?: SourceCallOptions): Promise<VariableResult>;
  /**
   * The Variables found, by key (absent keys are left out), each by {@link Resolver.getVariable}'s
   * rules, looked up in parallel; a failing source rejects as in `getVariable`.
   */
  getVariables(keys: readonly string[], options?: SourceCallOptions): Promise<Map<string, VariableResult>>;
  /**
   * Looks Variables up ahead of use, filling the remote sources' caches (as `preload` does for
   * connections); says which keys were found. Throttled keys are asked again as `preload` asks ids
   * again (`waitSeconds`, default {@link PRELOAD_WAIT_SECONDS}); any other failing source rejects as
   * in `getVariable`.
   */
  preloadVariables(keys: readonly string[], options?: PreloadOptions): Promise<PreloadResult>;
  /**
   * Every Variable source consulted for `key`, in priority order: outcome, time, origin, cache
   * state (as {@link Resolver.explain}); never the value. Never throws for a failed lookup (an
   * empty key or an aborted signal still throw).
   */
  explainVariable(key: string, options?: SourceCallOptions): Promise<VariableExplanation>;
  /**
   * What each Variable source can list, in priority order: env the keys of its `AIRFLOW_VAR_*`
   * variables (lower-cased), a file its keys, Secrets Manager the keys under its variables prefix
   * (`ListSecrets`), SSM those under its path (`GetParametersByPath`), each with the source's
   * lookup pattern and team rules (the keys `getVariable` would look up; values are never read).
   * A source that cannot list (a code-given one without `listVariables`) is `keys: null` with a
   * `reason`; a source that fails (AccessDenied...) rejects with its `SourceError`, as listing
   * connections does.
   */
  listVariables(options?: SourceCallOptions): Promise<VariableListing[]>;
  /** Forgets one id in every source's cache. */
  invalidate(connId: string): void;
  /**
   * Forgets one Variable in every source's cache: the next `getVariable(key)` asks the remote
   * sources again (a lookup in flight still completes for its callers). Env and file are never
   * cached; other keys stay cached.
   *
   * @example
   * ```ts
   * await resolver.getVariable("region");  // GetSecretValue, then cached
   * resolver.invalidateVariable("region"); // the value was rotated
   * await resolver.getVariable("region");  // GetSecretValue again
   * ```
   */
  invalidateVariable(key: string): void;
  /** Forgets every cached id and Variable. */
  clear(): void;
  /** The sources as the chain asks them (remote ones wrapped in their cache), highest priority first. */
  readonly sources: readonly ConnectionSource[];
  /** Where the configuration came from: `code`, a file path, `AIRFLOW__SECRETS__BACKEND` or `default`. */
  readonly configOrigin: string;
  /** Where the configuration came from and why it was used. */
  readonly config: ConfigProvenance;
}
