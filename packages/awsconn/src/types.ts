// The configuration types, derived from the zod schemas in configSchema.ts (one description of
// the configuration): `z.input` is what a caller may write, `z.output` what parseConfig gives back
// with the defaults filled in. Each key's TSDoc is on its schema.
import type { z } from "zod";
import type { ConfigSchemas } from "./configSchema.js";

type S = ConfigSchemas;

/**
 * What a source should do when its backend fails: stop the lookup (`fail`, the default) or pass to the next source (`skip`).
 *
 * @example
 * ```ts
 * onError: "skip"
 * ```
 */
export type OnError = NonNullable<SourceEntryBase["onError"]>;

/**
 * `first`: the first source that has the id wins (Airflow). `merge`: higher sources override fields of lower ones.
 *
 * @example
 * ```ts
 * createResolver({ mode: "merge", sources: [{ type: "env" }, { type: "secretsmanager" }] })
 * ```
 */
export type ResolveMode = z.output<S["configSchema"]>["mode"];

/**
 * Options every source entry accepts.
 *
 * @example
 * ```ts
 * { type: "secretsmanager", onError: "skip" }
 * ```
 */
export type SourceEntryBase = Pick<z.input<S["sourceWithOptionsSchema"]>, "onError">;

/**
 * `AIRFLOW_CONN_*` environment variables (read live).
 *
 * @example
 * ```ts
 * { type: "env", prefix: "MY_CONN_" }
 * ```
 */
export type EnvSourceConfig = z.input<S["envSourceSchema"]>;

/**
 * A local `.json`, `.yaml`, `.yml` or `.env` connections file (read live; re-parsed when it changes).
 *
 * @example
 * ```ts
 * { type: "file", path: "./connections.yaml" }
 * ```
 */
export type FileSourceConfig = z.input<S["fileSourceSchema"]>;

/**
 * AWS Secrets Manager (cached).
 *
 * @example
 * ```ts
 * { type: "secretsmanager", prefix: "prod/conns", region: "eu-west-1", onError: "fail" }
 * ```
 */
export type SecretsManagerSourceConfig = z.input<S["secretsManagerSourceSchema"]>;

/**
 * AWS SSM Parameter Store (cached).
 *
 * @example
 * ```ts
 * { type: "ssm", prefix: "/team/conns" }
 * ```
 */
export type SsmSourceConfig = z.input<S["ssmSourceSchema"]>;

/**
 * A third-party source package: its factory `(options) => ConnectionSource` is loaded on the
 * first lookup (see the README's "Plugins").
 *
 * @example
 * ```ts
 * { type: "plugin", module: "@acme/awsconn-source-vault", options: { address: "https://vault:8200" }, onError: "skip" }
 * ```
 */
export type PluginSourceConfig = z.input<S["pluginSourceSchema"]>;

/**
 * Options shared by the AWS sources: the client options of aws-source-common's `AwsClientInit`
 * (region, endpoint, profile, roleArn, timeouts; `maxAttempts` is not configurable here) plus
 * `lookupPattern` and `onError`.
 *
 * @example
 * ```ts
 * { region: "eu-west-1", lookupPattern: "^aws_" }
 * ```
 */
export type AwsSourceConfigBase = Omit<SsmSourceConfig, "type" | "prefix">;

/**
 * A source described by configuration.
 *
 * @example
 * ```ts
 * [{ type: "env" }, { type: "file", path: "conns.yaml" }, { type: "secretsmanager" }, { type: "ssm" }]
 * ```
 */
export type SourceConfig = z.input<S["sourceConfigSchema"]>;

/**
 * A ready source with per-source options. `live` sources are never cached (default: true for names `env` and `file`).
 *
 * @example
 * ```ts
 * { source: myVaultSource, onError: "skip", live: false }
 * ```
 */
export type SourceWithOptions = z.input<S["sourceWithOptionsSchema"]>;

/**
 * One entry of `sources`: a config object, any `ConnectionSource`, or a source with options.
 *
 * @example
 * ```ts
 * sources: [{ type: "env" }, myCustomSource, { source: other, onError: "skip" }]
 * ```
 */
export type SourceEntry = z.input<S["sourceEntrySchema"]>;

/**
 * Cache settings (remote sources only; env and file are read live).
 *
 * @example
 * ```ts
 * { ttlSeconds: 60, negativeTtlSeconds: 5, staleWhileRevalidate: true, maxStaleSeconds: 600, maxEntries: 500 }
 * ```
 */
export type CacheConfig = z.input<S["cacheSchema"]>;

/**
 * The configuration of `createResolver`.
 *
 * @example
 * ```ts
 * createResolver({ sources: [{ type: "env" }, { type: "secretsmanager", region: "eu-west-1" }], cache: { ttlSeconds: 60 } });
 * ```
 */
export type ResolverConfig = z.input<S["configSchema"]>;

/**
 * A configuration with every default filled in (what `parseConfig` gives).
 *
 * @example
 * ```ts
 * parseConfig({}).mode; // "first"
 * ```
 */
export type NormalizedConfig = Omit<z.output<S["configSchema"]>, "configFile">;
