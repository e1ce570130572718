import { ConfigError, parsePythonJson } from "@awsconn/core";
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

const ORIGIN = "AIRFLOW__SECRETS__BACKEND_KWARGS";

// Airflow's [secrets] options from the environment (AIRFLOW__SECTION__KEY); getboolean's spellings.
function envBool(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const v = value.trim().toLowerCase();
  if (["t", "true", "1"].includes(v)) return true;
  if (["f", "false", "0"].includes(v)) return false;
  throw new ConfigError(`expected a boolean (true/false), got ${JSON.stringify(value)}`, { origin: name });
}

function str(kwargs: Record<string, unknown>, key: string): string | undefined {
  const v = kwargs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string")
    throw new ConfigError(`expected a string, got ${typeof v}`, { origin: ORIGIN, path: key });
  return v;
}

function awsCommon(kwargs: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  const map = {
    connections_lookup_pattern: "lookupPattern",
    region_name: "region",
    endpoint_url: "endpoint",
    profile_name: "profile",
    role_arn: "roleArn",
  } as const;
  for (const [from, to] of Object.entries(map)) {
    const v = str(kwargs, from);
    if (v !== undefined) out[to] = v;
  }
  return out;
}

function parseKwargs(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === "") return {};
  let value: unknown;
  try {
    value = parsePythonJson(text).value;
  } catch {
    throw new ConfigError("is not valid JSON", { origin: ORIGIN });
  }
  if (value === null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new ConfigError("expected a JSON object", { origin: ORIGIN });
  return value as Record<string, unknown>;
}

function backendSource(backend: string, kwargs: Record<string, unknown>): SourceConfig | undefined {
  // `connections_prefix: null` (or, for the file backend, no file path) turns connection lookups off.
  const prefixDisabled = "connections_prefix" in kwargs && kwargs.connections_prefix === null;
  switch (backend) {
    case AIRFLOW_BACKENDS.secretsmanager: {
      if (prefixDisabled) return undefined;
      const out: SourceConfig = { type: "secretsmanager", ...awsCommon(kwargs) };
      const prefix = str(kwargs, "connections_prefix");
      const sep = str(kwargs, "sep");
      if (prefix !== undefined) out.prefix = prefix;
      if (sep !== undefined) out.sep = sep;
      if (kwargs.extra_conn_words != null)
        out.extraConnWords = kwargs.extra_conn_words as Record<string, string[]>;
      return out;
    }
    case AIRFLOW_BACKENDS.ssm: {
      if (prefixDisabled) return undefined;
      const out: SourceConfig = { type: "ssm", ...awsCommon(kwargs) };
      const prefix = str(kwargs, "connections_prefix");
      if (prefix !== undefined) out.prefix = prefix;
      return out;
    }
    case AIRFLOW_BACKENDS.file: {
      const path = str(kwargs, "connections_file_path");
      return path ? { type: "file", path } : undefined;
    }
    default:
      throw new ConfigError(
        `unsupported secrets backend ${JSON.stringify(backend)}; awsconn understands ${Object.values(AIRFLOW_BACKENDS).join(", ")}`,
        { origin: "AIRFLOW__SECRETS__BACKEND" },
      );
  }
}

/**
 * Builds an awsconn configuration from Airflow's own settings, searched in Airflow's order:
 * the configured `[secrets] backend` first, then `AIRFLOW_CONN_*` environment variables
 * (Airflow's metastore, which comes last in Airflow, has no counterpart here).
 * `AIRFLOW__SECRETS__USE_CACHE=true` sets the cache TTL to `AIRFLOW__SECRETS__CACHE_TTL_SECONDS`
 * (Airflow's default 900); `false` turns caching off. Returns `undefined` when no backend is set.
 *
 * @example
 * ```ts
 * fromAirflowSettings({
 *   AIRFLOW__SECRETS__BACKEND: "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend",
 *   AIRFLOW__SECRETS__BACKEND_KWARGS: '{"connections_prefix": "prod/conns", "region_name": "eu-west-1"}',
 * });
 * // { sources: [{ type: "secretsmanager", prefix: "prod/conns", region: "eu-west-1" }, { type: "env" }] }
 * ```
 */
export function fromAirflowSettings(
  env: Record<string, string | undefined>,
): { sources: SourceConfig[]; cache?: CacheConfig } | undefined {
  const backend = env.AIRFLOW__SECRETS__BACKEND?.trim();
  if (!backend) return undefined;
  const custom = backendSource(backend, parseKwargs(env.AIRFLOW__SECRETS__BACKEND_KWARGS));
  const sources: SourceConfig[] = custom ? [custom, { type: "env" }] : [{ type: "env" }];
  const useCache = envBool(env.AIRFLOW__SECRETS__USE_CACHE, "AIRFLOW__SECRETS__USE_CACHE");
  if (useCache === undefined) return { sources };
  if (!useCache) return { sources, cache: { ttlSeconds: 0 } };
  const ttlText = env.AIRFLOW__SECRETS__CACHE_TTL_SECONDS?.trim();
  const ttl = ttlText ? Number(ttlText) : 900;
  if (!Number.isInteger(ttl) || ttl < 0)
    throw new ConfigError(`expected a whole number of seconds, got ${JSON.stringify(ttlText)}`, {
      origin: "AIRFLOW__SECRETS__CACHE_TTL_SECONDS",
    });
  return { sources, cache: { ttlSeconds: ttl } };
}
