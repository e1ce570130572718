import { dirname, join, resolve } from "node:path";
import { DEFAULT_CONNECTION_PARSER, nodeFs } from "@awsconn/core";
import { fromAirflowSettings } from "./airflowSettings.js";
import { type ConfigFileContent, readConfigFile } from "./loadConfigFile.js";
import { CACHE_DEFAULTS } from "./cacheDefaults.js";
import { type NormalizedConfig, parseConfig } from "./parseConfig.js";
import type { ConfigProvenance } from "./Resolver.js";
import { teamOfProcess } from "./teamOfProcess.js";
import type { ResolverConfig } from "./types.js";

/**
 * Where the configuration came from, and the validated configuration.
 *
 * @example
 * ```ts
 * discoverConfig().origin; // "/srv/app/awsconn.config.yaml"
 * ```
 */
export interface DiscoveredConfig {
  config: NormalizedConfig;
  /** `code`, a file path, `AIRFLOW__SECRETS__BACKEND`, or `default`. */
  origin: string;
  /** Relative `file` source paths are resolved against this directory. */
  baseDir: string;
  /** Why this configuration was used (see {@link discoverConfig} for the order). */
  reason: ConfigProvenance["reason"];
  /** What the configuration asked for that awsconn does not apply (see {@link ConfigProvenance}). */
  warnings: readonly string[];
}

/**
 * Names tried in the working directory, in this order.
 *
 * @example
 * ```ts
 * CONFIG_FILE_NAMES[0]; // "awsconn.config.yaml"
 * ```
 */
export const CONFIG_FILE_NAMES = [
  "awsconn.config.yaml",
  "awsconn.config.yml",
  "awsconn.config.json",
] as const;

/**
 * Where discovery looks; defaults to the process's environment and working directory.
 *
 * @example
 * ```ts
 * createResolver(undefined, { env: { AWSCONN_CONFIG: "ci.yaml" }, cwd: "/srv/app" });
 * ```
 */
export interface DiscoverOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

type Reason = ConfigProvenance["reason"];

interface FoundConfig {
  /** Not validated yet. */
  raw: Record<string, unknown>;
  origin: string;
  baseDir: string;
  reason: Reason;
  /** The file it was read from, with the line of each key. */
  file?: ConfigFileContent;
  warnings?: readonly string[];
}

function fromFile(path: string, cwd: string, reason: Reason): FoundConfig {
  const full = resolve(cwd, path);
  const file = readConfigFile(full);
  return { raw: file.value, origin: full, baseDir: dirname(full), reason, file };
}

function discoverRaw(
  input: string | ResolverConfig | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
): FoundConfig {
  if (typeof input === "string") return fromFile(input, cwd, "explicit");
  if (input?.configFile) return fromFile(input.configFile, cwd, "explicit");
  if (input?.sources) return { raw: input, origin: "code", baseDir: cwd, reason: "code" as const };
  if (env.AWSCONN_CONFIG?.trim()) return fromFile(env.AWSCONN_CONFIG.trim(), cwd, "AWSCONN_CONFIG");
  for (const name of CONFIG_FILE_NAMES) {
    if (nodeFs.existsSync(join(cwd, name))) return fromFile(name, cwd, "working directory");
  }
  const airflow = fromAirflowSettings(env);
  if (airflow) {
    const { setting, warnings, ...raw } = airflow;
    return { raw, origin: setting, baseDir: cwd, reason: "Airflow settings" as const, warnings };
  }
  return { raw: DEFAULT_RAW, origin: "default", baseDir: cwd, reason: "default" as const };
}

// Step 5's configuration. Built here in code, so it is not validated: a resolver on it loads no zod
// (parseConfig of DEFAULT_RAW gives exactly defaultConfig(); a test holds the two together).
const DEFAULT_RAW = { sources: [{ type: "env" }] };

function defaultConfig(): NormalizedConfig {
  return {
    sources: [{ type: "env" }],
    mode: "first",
    connectionParser: DEFAULT_CONNECTION_PARSER,
    cache: { ...CACHE_DEFAULTS },
  };
}

/**
 * Finds and validates the configuration, in this order:
 * 1. the explicit argument: a file path, `{ configFile }`, or an object with `sources`;
 * 2. the file named by `AWSCONN_CONFIG`;
 * 3. `./awsconn.config.yaml`, `./awsconn.config.yml`, `./awsconn.config.json`;
 * 4. Airflow's `AIRFLOW__SECRETS__BACKEND` (+ `_KWARGS`, `USE_CACHE`, `CACHE_TTL_SECONDS`):
 *    that backend first, then `AIRFLOW_CONN_*` variables, as Airflow searches;
 * 5. otherwise `[env]`.
 * An explicit object without `sources` still goes through steps 2-5; its `mode`,
 * `connectionParser`, `team`, `multiTeam`, `cache`, `logger` and `clock` then apply on top of what
 * was found. Without a `team`, `AWSCONN_TEAM` names it.
 *
 * @example
 * ```ts
 * const { config, origin } = discoverConfig(undefined, { env: process.env, cwd: process.cwd() });
 * ```
 */
export function discoverConfig(
  input?: string | ResolverConfig,
  options: DiscoverOptions = {},
): DiscoveredConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const found = discoverRaw(input, env, cwd);
  let raw = found.raw;
  if (typeof input === "object" && input !== null && raw !== input) {
    const { configFile: _f, sources: _s, ...overrides } = input;
    // The found cache section is not validated yet: a non-object is left for parseConfig to report.
    const cache =
      isRecord(raw.cache) || raw.cache === undefined ? { ...raw.cache, ...overrides.cache } : raw.cache;
    raw = { ...raw, ...overrides, ...(raw.cache || overrides.cache ? { cache } : {}) };
  }
  const config =
    raw === DEFAULT_RAW
      ? defaultConfig()
      : parseConfig(
          raw,
          found.origin === "code" || found.origin === "default" ? undefined : found.origin,
          found.file ? { lineOf: found.file.lineOf, fileKeys: Object.keys(found.file.value) } : {},
        );
  return {
    config: teamOfProcess(config, env),
    origin: found.origin,
    baseDir: found.baseDir,
    reason: found.reason,
    warnings: found.warnings ?? [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
