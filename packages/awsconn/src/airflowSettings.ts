import { closestMatch, ConfigError, KNOWN_EXTRA_KEYS } from "@awsconn/core";
// The subpath only: importing awsconn must not load the credentials package.
import { type AirflowBackendSetting, airflowBackendSetting } from "./airflowBackendSetting.js";
import type { CacheConfig, SourceConfig } from "./types.js";

/**
 * Airflow's secrets backend class paths that awsconn understands.
 *
 * @example
 * ```ts
 * process.env.AIRFLOW__SECRETS__BACKEND = AIRFLOW_BACKENDS.secretsmanager;
 * ```
 */
export const AIRFLOW_BACKENDS = {
  secretsmanager: "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend",
  ssm: "airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend",
  file: "airflow.secrets.local_filesystem.LocalFilesystemBackend",
} as const;

/**
 * What {@link fromAirflowSettings} found: the configuration, the variable that named the backend,
 * and warnings (kwargs awsconn does not know or cannot apply), which never carry a value.
 */
export interface AirflowSettingsConfig {
  sources: SourceConfig[];
  cache?: CacheConfig;
  /** `AIRFLOW__CORE__MULTI_TEAM` (Airflow's `[core] multi_team`), when set. */
  multiTeam?: boolean;
  /** `AIRFLOW__WORKERS__SECRETS_BACKEND` or `AIRFLOW__SECRETS__BACKEND`. */
  setting: AirflowBackendSetting["setting"];
  warnings: string[];
}

// Each backend's own constructor kwargs (Airflow 3.3 / amazon provider 9.39). The AWS backends pass
// every other kwarg to their client's AwsConnectionWrapper as the extra of a connection.
const AWS_BACKEND_KWARGS = [
  "connections_prefix",
  "connections_lookup_pattern",
  "variables_prefix",
  "variables_lookup_pattern",
  "config_prefix",
  "config_lookup_pattern",
];
const SM_KWARGS = [...AWS_BACKEND_KWARGS, "sep", "extra_conn_words"];
const FILE_KWARGS = ["connections_file_path", "variables_file_path", "configs_file_path"];
// Read by boto3's `session.client(...)`, not by the wrapper; nothing to apply them to in SDK v3.
const NOT_APPLIED = {
  api_version: "the AWS SDK for JavaScript v3 has one API version per client",
  use_ssl: "use an https or http endpoint_url instead",
} as const;

function str(s: AirflowBackendSetting, key: string): string | undefined {
  const v = s.kwargs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string")
    throw new ConfigError(`expected a string, got ${typeof v}`, { origin: s.kwargsOrigin[key], path: key });
  return v;
}

function record(s: AirflowBackendSetting, key: string): Record<string, unknown> | undefined {
  const v = s.kwargs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v))
    throw new ConfigError(
      `expected a JSON object, got ${Array.isArray(v) ? "an array" : typeof v}${typeof v === "string" ? " (a per-key variable is a raw string; set this one in the _KWARGS JSON)" : ""}`,
      { origin: s.kwargsOrigin[key], path: key },
    );
  return v as Record<string, unknown>;
}

// Every kwarg the AWS backend hands to its client's connection wrapper, as that connection's extra:
// awsconn builds the source's own client from it through @awsconn/credentials, as Airflow does.
function awsClient(s: AirflowBackendSetting, own: readonly string[], warnings: string[]) {
  const clientExtra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s.kwargs)) {
    if (own.includes(key)) continue;
    if (key in NOT_APPLIED) {
      warnings.push(
        `${s.kwargsOrigin[key]}: ${key} is not applied (${NOT_APPLIED[key as keyof typeof NOT_APPLIED]})`,
      );
      continue;
    }
    if (!KNOWN_EXTRA_KEYS.includes(key)) {
      const near = closestMatch(key, [...own, ...KNOWN_EXTRA_KEYS]);
      warnings.push(
        `${s.kwargsOrigin[key]}: unknown kwarg ${key}${near ? ` (did you mean ${near}?)` : ""}; Airflow passes it to the backend's AWS connection extra, where nothing reads it`,
      );
    }
    clientExtra[key] = value;
  }
  const out: Record<string, unknown> = {};
  const lookupPattern = str(s, "connections_lookup_pattern");
  if (lookupPattern !== undefined) out.lookupPattern = lookupPattern;
  if (Object.keys(clientExtra).length > 0) out.clientExtra = clientExtra;
  return out;
}

// The backend's Variables settings: variables_prefix (null switches Variables off, as in Airflow)
// and variables_lookup_pattern, onto the entry's variablesPrefix / variablesLookupPattern.
function variablesOf(s: AirflowBackendSetting): {
  variablesPrefix?: string | null;
  variablesLookupPattern?: string;
} {
  const out: { variablesPrefix?: string | null; variablesLookupPattern?: string } = {};
  if ("variables_prefix" in s.kwargs && s.kwargs.variables_prefix === null) out.variablesPrefix = null;
  else {
    const prefix = str(s, "variables_prefix");
    if (prefix !== undefined) out.variablesPrefix = prefix;
  }
  const pattern = str(s, "variables_lookup_pattern");
  if (pattern !== undefined) out.variablesLookupPattern = pattern;
  return out;
}

function backendSource(s: AirflowBackendSetting, warnings: string[]): SourceConfig | undefined {
  // `connections_prefix: null` (or, for the file backend, no file path) turns connection lookups off.
  const prefixDisabled = "connections_prefix" in s.kwargs && s.kwargs.connections_prefix === null;
  switch (s.backend) {
    case AIRFLOW_BACKENDS.secretsmanager: {
      const client = awsClient(s, SM_KWARGS, warnings);
      const variables = variablesOf(s);
      if (prefixDisabled && variables.variablesPrefix === null) return undefined;
      const out: SourceConfig = { type: "secretsmanager", ...client, ...variables };
      // Connections off, Variables on: the entry stays, serving Variables only (prefix null).
      if (prefixDisabled) out.prefix = null;
      const prefix = str(s, "connections_prefix");
      // Airflow's sep=None joins prefix and id with the text "None": no default reads that name.
      if (s.kwargs.sep === null)
        throw new ConfigError("expected a string, got null", { origin: s.kwargsOrigin.sep, path: "sep" });
      const sep = str(s, "sep");
      const words = record(s, "extra_conn_words");
      if (prefix !== undefined) out.prefix = prefix;
      if (sep !== undefined) out.sep = sep;
      if (words !== undefined) out.extraConnWords = words as Record<string, string[]>;
      return out;
    }
    case AIRFLOW_BACKENDS.ssm: {
      const client = awsClient(s, AWS_BACKEND_KWARGS, warnings);
      const variables = variablesOf(s);
      if (prefixDisabled && variables.variablesPrefix === null) return undefined;
      const out: SourceConfig = { type: "ssm", ...client, ...variables };
      if (prefixDisabled) out.prefix = null;
      const prefix = str(s, "connections_prefix");
      if (prefix !== undefined) out.prefix = prefix;
      return out;
    }
    case AIRFLOW_BACKENDS.file: {
      const unknown = Object.keys(s.kwargs).filter((k) => !FILE_KWARGS.includes(k));
      if (unknown.length > 0) {
        // Airflow's LocalFilesystemBackend takes no other kwarg: its constructor raises TypeError.
        const [key] = unknown as [string];
        const near = closestMatch(key, FILE_KWARGS);
        throw new ConfigError(
          `LocalFilesystemBackend takes no kwarg ${key}${near ? ` (did you mean ${near}?)` : ""}; it takes ${FILE_KWARGS.join(", ")}`,
          { origin: s.kwargsOrigin[key], path: key },
        );
      }
      const path = str(s, "connections_file_path");
      const variablesPath = str(s, "variables_file_path");
      if (variablesPath && !path)
        warnings.push(
          `${s.kwargsOrigin.variables_file_path}: variables_file_path is not applied without connections_file_path (an awsconn file entry needs a connections file)`,
        );
      if (!path) return undefined;
      return variablesPath ? { type: "file", path, variablesPath } : { type: "file", path };
    }
    default:
      throw new ConfigError(
        `unsupported secrets backend ${JSON.stringify(s.backend)}; awsconn understands ${Object.values(AIRFLOW_BACKENDS).join(", ")}`,
        { origin: s.setting },
      );
  }
}

function envBool(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const v = value.trim().toLowerCase();
  if (["t", "true", "1"].includes(v)) return true;
  if (["f", "false", "0"].includes(v)) return false;
  throw new ConfigError(`expected a boolean (true/false), got ${JSON.stringify(value)}`, { origin: name });
}

function cacheOf(env: Record<string, string | undefined>): CacheConfig | undefined {
  const useCache = envBool(env.AIRFLOW__SECRETS__USE_CACHE, "AIRFLOW__SECRETS__USE_CACHE");
  if (useCache === undefined) return undefined;
  if (!useCache) return { ttlSeconds: 0 };
  const ttlText = env.AIRFLOW__SECRETS__CACHE_TTL_SECONDS?.trim();
  const ttl = ttlText ? Number(ttlText) : 900;
  if (!Number.isInteger(ttl) || ttl < 0)
    throw new ConfigError(`expected a whole number of seconds, got ${JSON.stringify(ttlText)}`, {
      origin: "AIRFLOW__SECRETS__CACHE_TTL_SECONDS",
    });
  return { ttlSeconds: ttl };
}

/**
 * Builds an awsconn configuration from Airflow's own settings, as a task on an Airflow 3 worker
 * searches: the configured backend first ({@link airflowBackendSetting}: `[workers] secrets_backend`,
 * else `[secrets] backend`, with their kwargs), then `AIRFLOW_CONN_*` environment variables (the
 * worker's last step, the Execution API, has no counterpart here). Every kwarg Airflow hands to the
 * AWS backend's own client (keys, `role_arn` with `assume_role_kwargs`, `profile_name`, `region_name`,
 * `endpoint_url`, `verify`, `config_kwargs`...) becomes the source's `clientExtra`, applied through
 * `@awsconn/credentials` as Airflow applies it through its connection wrapper; a kwarg nothing
 * reads is a warning that names it. `AIRFLOW__SECRETS__USE_CACHE=true` sets the cache TTL to
 * `AIRFLOW__SECRETS__CACHE_TTL_SECONDS` (Airflow's default 900); `false` turns caching off.
 * `AIRFLOW__CORE__MULTI_TEAM` becomes `multiTeam` (ids containing the team separator refused).
 * The Variables kwargs apply too: `variables_prefix` (`null`: no Variables) and
 * `variables_lookup_pattern` become the entry's `variablesPrefix` / `variablesLookupPattern`, and
 * `variables_file_path` the file entry's `variablesPath`; a backend whose `connections_prefix` is
 * `null` stays in the list with `prefix: null` while it still serves Variables. With the backend
 * first and env after, `resolver.getVariable` searches in the order of the Task SDK's `Variable.get`.
 * Returns `undefined` when no backend is set.
 *
 * @example
 * ```ts
 * fromAirflowSettings({
 *   AIRFLOW__SECRETS__BACKEND: "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend",
 *   AIRFLOW__SECRETS__BACKEND_KWARGS: '{"connections_prefix": "prod/conns", "region_name": "eu-west-1"}',
 * });
 * // { sources: [{ type: "secretsmanager", prefix: "prod/conns", clientExtra: { region_name: "eu-west-1" } }, { type: "env" }],
 * //   setting: "AIRFLOW__SECRETS__BACKEND", warnings: [] }
 * ```
 */
export function fromAirflowSettings(
  env: Record<string, string | undefined>,
): AirflowSettingsConfig | undefined {
  const setting = airflowBackendSetting(env);
  if (!setting) return undefined;
  const warnings: string[] = [];
  const custom = backendSource(setting, warnings);
  const sources: SourceConfig[] = custom ? [custom, { type: "env" }] : [{ type: "env" }];
  const cache = cacheOf(env);
  // A worker's team is not a setting: Airflow's Execution API derives it from the task (its DAG
  // bundle's team), so it comes from awsconn's own `team` / AWSCONN_TEAM / --team.
  const multiTeam = envBool(env.AIRFLOW__CORE__MULTI_TEAM, "AIRFLOW__CORE__MULTI_TEAM");
  return {
    sources,
    ...(cache ? { cache } : {}),
    ...(multiTeam === undefined ? {} : { multiTeam }),
    setting: setting.setting,
    warnings,
  };
}
