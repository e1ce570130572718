import { type ConnectionSource, DEFAULT_CONNECTION_PARSER } from "@awsconn/core";
import { CACHE_DEFAULTS } from "./cacheDefaults.js";
import type { Clock } from "./Clock.js";
import { CONFIG_CHECK_MESSAGES, CONFIG_CHECKS } from "./configChecks.js";
import type { ResolverLogger } from "./ResolverEvent.js";

import type * as Zod from "zod";
import { requireZod } from "./requireZod.js";

// The one description of awsconn's configuration: the types in types.ts are z.input / z.output of
// these schemas, and parseConfig checks against them. The TSDoc on each key shows in editors on
// the derived types. The schemas are built on first use (see configSchemas): parseConfig first
// tries quickConfig, which checks against configShape.generated.ts, the JSON Schema zod derives
// from these schemas (`npm run gen:config-shape --workspace awsconn` after a change; a test holds
// the file current), so a valid configuration never loads zod. A check JSON Schema cannot say is
// a function of CONFIG_CHECKS (configChecks.ts), used here and by quickConfig alike.

/**
 * The source types a config may name, in the order error messages list them (the `type` of each
 * member of `sourceConfigSchema`, in order: a test holds them together).
 *
 * @example
 * ```ts
 * SOURCE_TYPES.includes("ssm"); // true
 * ```
 */
export const SOURCE_TYPES = ["env", "file", "secretsmanager", "ssm", "plugin"] as const;

/** The keys of a configuration that only code may set (a file cannot hold a function). */
export const CODE_ONLY_KEYS = ["logger", "clock", "configFile"] as const;

/** Every schema of the configuration, built with the zod it is given. */
function buildConfigSchemas({ z }: typeof Zod) {
  const onError = z.enum(["fail", "skip"]).optional();
  const seconds = z.number().int().nonnegative();
  const timeoutMs = z.number().int().positive().optional();
  const regexString = z
    .string()
    .refine(CONFIG_CHECKS.regex, { message: CONFIG_CHECK_MESSAGES.regex })
    .optional();

  const common = {
    /** `fail` (default): a backend failure stops the lookup. `skip`: the failure is logged and the next source is asked. */
    onError,
  };

  /** `AIRFLOW_CONN_*` environment variables (read live). */
  const envSourceSchema = z.strictObject({
    type: z.literal("env"),
    ...common,
    /** Variable name prefix. Default `AIRFLOW_CONN_`. */
    prefix: z.string().min(1).optional(),
    /** Airflow Variables: the name prefix, `prefix + key.toUpperCase()`. Default `AIRFLOW_VAR_`; `null` serves no Variables. */
    variablesPrefix: z.string().min(1).nullable().optional(),
  });

  /** A local `.json`, `.yaml`, `.yml` or `.env` connections file (read live; re-parsed when it changes). */
  const fileSourceSchema = z.strictObject({
    type: z.literal("file"),
    ...common,
    /** Path of the file; relative paths are taken from the config file's directory, else the working directory. */
    path: z.string().min(1),
    /** Airflow Variables from this `.json`, `.yaml`, `.yml` or `.env` file (Airflow's `variables_file_path`); without it the entry serves no Variables. */
    variablesPath: z.string().min(1).optional(),
  });

  // The client options of aws-source-common's AwsClientInit (not maxAttempts; clientSettings is clientExtra here).
  const awsCommon = {
    ...common,
    /** Regex (case-insensitive, anchored at the start); ids that do not match are never looked up. */
    lookupPattern: regexString,
    /** Airflow's `variables_lookup_pattern`: the same rules for Variable keys. */
    variablesLookupPattern: regexString,
    /** AWS region. Default: the SDK's own (AWS_REGION, the profile...). */
    region: z.string().min(1).optional(),
    /** Endpoint URL (moto, LocalStack, a VPC endpoint). */
    endpoint: z.string().refine(CONFIG_CHECKS.url, { message: CONFIG_CHECK_MESSAGES.url }).optional(),
    /** Shared-config profile for the source's own AWS calls. */
    profile: z.string().min(1).optional(),
    /** Role assumed for the source's own AWS calls. */
    roleArn: z.string().startsWith("arn:").optional(),
    /** Connect timeout of every attempt, in ms. Default 1000. */
    connectTimeoutMs: timeoutMs,
    /** Request timeout of every attempt, in ms. Default 3000. */
    requestTimeoutMs: timeoutMs,
    /**
     * The source's own AWS client described as the extra of an Airflow `aws` connection (keys,
     * `role_arn` + `assume_role_kwargs`, `profile_name`, `region_name`, `endpoint_url`, `verify`,
     * `config_kwargs`...), applied through `@awsconn/credentials` as Airflow applies a backend's kwargs;
     * built from Airflow's `BACKEND_KWARGS`. `region`, `endpoint`, `profile` and `roleArn` win over it.
     */
    clientExtra: z.record(z.string(), z.unknown()).optional(),
    /**
     * An id manifest: the source lists its ids (ListSecrets / GetParametersByPath under the prefix)
     * at most once every `refreshSeconds`; an id not listed is "not here" without a per-id call.
     * A failed listing falls back to per-id calls (a `warning` event). Default: no manifest.
     */
    knownIds: z.strictObject({ refreshSeconds: z.number().int().positive() }).optional(),
  };

  /** AWS Secrets Manager (cached). */
  const secretsManagerSourceSchema = z.strictObject({
    type: z.literal("secretsmanager"),
    ...awsCommon,
    /** Secret name prefix. Default `airflow/connections`; `""` means the bare id; `null` switches connections off (Airflow). */
    prefix: z.string().nullable().optional(),
    /** Airflow Variables: the secret name prefix. Default `airflow/variables`; `""` means the bare key; `null` serves no Variables (Airflow). */
    variablesPrefix: z.string().nullable().optional(),
    /** Separator between prefix and id. Default `/`. */
    sep: z.string().optional(),
    /** Extra JSON key aliases, Airflow's `extra_conn_words`: `{ login: ["usr"] }`. */
    extraConnWords: z.record(z.string(), z.array(z.string())).optional(),
    /** The version stage read (`AWSPENDING` to test a rotation before it finishes). Default `AWSCURRENT`; another stage reads `getMany` id by id. */
    versionStage: z.string().min(1).optional(),
  });

  /** AWS SSM Parameter Store (cached). */
  const ssmSourceSchema = z.strictObject({
    type: z.literal("ssm"),
    ...awsCommon,
    /** Parameter name prefix. Default `/airflow/connections`; `""` means `/<id>`; `null` switches connections off (Airflow). */
    prefix: z.string().nullable().optional(),
    /** Airflow Variables: the parameter name prefix. Default `/airflow/variables`; `""` means `/<key>`; `null` serves no Variables (Airflow). */
    variablesPrefix: z.string().nullable().optional(),
  });

  /** A third-party source package (see loadPlugin.ts): its factory's `ConnectionSource`, loaded on first lookup. */
  const pluginSourceSchema = z.strictObject({
    type: z.literal("plugin"),
    ...common,
    /** Package name (`@acme/awsconn-source-vault`) or path (`./my-source.mjs`), resolved from the config file's folder as Node's `require.resolve` does. */
    module: z.string().min(1),
    /** The named export that is the factory. Default: the default export. */
    export: z.string().min(1).optional(),
    /** Passed to the factory untouched; the plugin validates them. */
    options: z.unknown().optional(),
    /** `true`: answers are cached; `false`: read on every lookup. Default: the source's own `remote` flag, else `true`. */
    remote: z.boolean().optional(),
    /** The source's name in `explain`, events and `awsconn list`. Default: from `module` (`@acme/awsconn-source-vault` -> `vault`). */
    name: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]+$/, "expected letters, digits, _ . : or -")
      .optional(),
  });

  /** A source described by configuration, told apart by `type`. */
  const sourceConfigSchema = z.discriminatedUnion("type", [
    envSourceSchema,
    fileSourceSchema,
    secretsManagerSourceSchema,
    ssmSourceSchema,
    pluginSourceSchema,
  ]);

  /** Any `ConnectionSource` object (code only). */
  const connectionSourceSchema = z.custom<ConnectionSource>(CONFIG_CHECKS.connectionSource, {
    message: CONFIG_CHECK_MESSAGES.connectionSource,
  });

  /** A ready source with per-source options (code only). */
  const sourceWithOptionsSchema = z.strictObject({
    source: connectionSourceSchema,
    ...common,
    /** Never cached when true. Default: true for sources named `env` and `file`. */
    live: z.boolean().optional(),
  });

  /** One entry of `sources`: a config object, any `ConnectionSource`, or a source with options. */
  const sourceEntrySchema = z.union([sourceConfigSchema, connectionSourceSchema, sourceWithOptionsSchema]);

  /** The cache section; the output has every default filled in. */
  const cacheSchema = z.strictObject({
    /** Remote hits are fresh this long. Default 300; 0 disables caching (lookups are still coalesced). */
    ttlSeconds: seconds.default(CACHE_DEFAULTS.ttlSeconds),
    /** "Found nowhere" is remembered this long. Default 5; 0 disables. */
    negativeTtlSeconds: seconds.default(CACHE_DEFAULTS.negativeTtlSeconds),
    /** After the TTL, serve the cached value and refresh it once in the background. Default true. */
    staleWhileRevalidate: z.boolean().default(CACHE_DEFAULTS.staleWhileRevalidate),
    /** When a refresh fails, a cached value younger than this is still served (with a `stale` event). Default 3600. */
    maxStaleSeconds: seconds.default(CACHE_DEFAULTS.maxStaleSeconds),
    /** At most this many ids are cached (least recently used are dropped). Default 1000. */
    maxEntries: z.number().int().positive().default(CACHE_DEFAULTS.maxEntries),
  });

  const loggerSchema = z.custom<ResolverLogger>(CONFIG_CHECKS.logger, {
    message: CONFIG_CHECK_MESSAGES.logger,
  });

  const clockSchema = z.custom<Clock>(CONFIG_CHECKS.clock, {
    message: CONFIG_CHECK_MESSAGES.clock,
  });

  /** The whole configuration; the output has the defaults filled in. */
  const configSchema = z.strictObject({
    /** Sources, highest priority first. Default `[{ type: "env" }]`. */
    sources: z.array(sourceEntrySchema).default([{ type: "env" }]),
    /** `first`: the first source that has the id wins (Airflow). `merge`: higher sources override fields of lower ones. Default `first`. */
    mode: z.enum(["first", "merge"]).default("first"),
    /**
     * Which of Airflow 3's connection parsers reads the env, Secrets Manager and SSM values:
     * `task` (the Task SDK's, what a task on a worker sees: `?timeout=30` is `"30"`, `user:@host`
     * keeps `""`) or `server` (`airflow.models.Connection`: `30`, no password). Connections files
     * are read with the server's either way, as Airflow reads them on workers too. Default `task`.
     */
    connectionParser: z.enum(["task", "server"]).default(DEFAULT_CONNECTION_PARSER),
    /**
     * The team the reader belongs to (Airflow 3.3 multi-team; an Airflow team name). Every source
     * tries the team's names first (`AIRFLOW_CONN__<TEAM>___<ID>`, `<prefix>/<team>--<id>`). Default:
     * the `AWSCONN_TEAM` environment variable, else none.
     */
    team: z.string().min(1).optional(),
    /**
     * Airflow's `[core] multi_team`: ids containing the team separator are refused. Default: on
     * when a `team` is set; from Airflow's settings, `AIRFLOW__CORE__MULTI_TEAM`.
     */
    multiTeam: z.boolean().optional(),
    /** Cache settings (remote sources only; env and file are read live). */
    cache: cacheSchema.prefault({}),
    /** Event receiver. */
    logger: loggerSchema.optional(),
    /** Injectable clock (tests). */
    clock: clockSchema.optional(),
    /** Load sources/mode/cache from this YAML or JSON file instead (`logger` and `clock` still apply). */
    configFile: z.string().min(1).optional(),
  });

  return {
    z,
    envSourceSchema,
    fileSourceSchema,
    secretsManagerSourceSchema,
    ssmSourceSchema,
    pluginSourceSchema,
    sourceConfigSchema,
    connectionSourceSchema,
    sourceWithOptionsSchema,
    sourceEntrySchema,
    cacheSchema,
    loggerSchema,
    clockSchema,
    configSchema,
  };
}

/** The configuration schemas and the zod instance they are built with (see {@link configSchemas}). */
export type ConfigSchemas = ReturnType<typeof buildConfigSchemas>;

let built: ConfigSchemas | undefined;

/**
 * The configuration schemas, built (and zod loaded) on the first call: by parseConfig only for a
 * configuration quickConfig leaves to zod (an invalid one, or one only zod can check).
 *
 * @example
 * ```ts
 * configSchemas().configSchema.safeParse({ sources: [{ type: "env" }] }).success; // true
 * ```
 */
export function configSchemas(): ConfigSchemas {
  if (built) return built;
  const zod = requireZod();
  if (!zod) throw new Error("awsconn: the zod package is not installed (npm install zod)");
  built = buildConfigSchemas(zod);
  return built;
}
