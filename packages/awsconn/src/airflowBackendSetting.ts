import { ConfigError, parsePythonJson } from "@awsconn/core";

/**
 * The secrets backend Airflow's settings name for a task, with its kwargs and where each came from.
 *
 * @example
 * ```ts
 * { backend: "airflow...SecretsManagerBackend", setting: "AIRFLOW__WORKERS__SECRETS_BACKEND",
 *   kwargs: { connections_prefix: "prod" }, kwargsOrigin: { connections_prefix: "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARG__CONNECTIONS_PREFIX" } }
 * ```
 */
export interface AirflowBackendSetting {
  /** The backend's class path. */
  backend: string;
  /** The variable that named it. */
  setting: "AIRFLOW__WORKERS__SECRETS_BACKEND" | "AIRFLOW__SECRETS__BACKEND";
  /** The kwargs Airflow passes to the backend: the JSON blob, then the per-key variables over it. */
  kwargs: Record<string, unknown>;
  /** For each kwarg, the variable it came from (for error messages). */
  kwargsOrigin: Record<string, string>;
}

// The two places Airflow 3 reads a backend from, in a worker's order: [workers] first, then [secrets].
const PLACES = [
  {
    setting: "AIRFLOW__WORKERS__SECRETS_BACKEND",
    blob: "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS",
    perKey: "AIRFLOW__WORKERS__SECRETS_BACKEND_KWARG__",
  },
  {
    setting: "AIRFLOW__SECRETS__BACKEND",
    blob: "AIRFLOW__SECRETS__BACKEND_KWARGS",
    perKey: "AIRFLOW__SECRETS__BACKEND_KWARG__",
  },
] as const;

function parseBlob(text: string | undefined, origin: string): Record<string, unknown> {
  if (text === undefined || text.trim() === "") return {};
  let value: unknown;
  try {
    value = parsePythonJson(text).value;
  } catch {
    throw new ConfigError("is not valid JSON", { origin });
  }
  if (value === null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new ConfigError("expected a JSON object", { origin });
  return value as Record<string, unknown>;
}

/**
 * Which secrets backend a task on an Airflow 3 worker uses, read from Airflow's environment settings
 * as the Task SDK reads them: `AIRFLOW__WORKERS__SECRETS_BACKEND` with its own
 * `AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS`, else `AIRFLOW__SECRETS__BACKEND` with
 * `AIRFLOW__SECRETS__BACKEND_KWARGS` (the kwargs of one place never apply to the other). Per-key
 * variables (`AIRFLOW__SECRETS__BACKEND_KWARG__<KEY>`, `AIRFLOW__WORKERS__SECRETS_BACKEND_KWARG__<KEY>`
 * of the chosen place) override the JSON blob; their key is lowercased and their value stays a raw
 * string, as in Airflow. Returns `undefined` when neither backend is set.
 *
 * Where Airflow only logs a warning and drops every kwarg (invalid JSON, a JSON value that is not an
 * object), this throws a `ConfigError`: dropping them would send lookups to other secret names than
 * the ones configured (a listed deviation).
 *
 * @example
 * ```ts
 * airflowBackendSetting({ AIRFLOW__SECRETS__BACKEND: "airflow.secrets.local_filesystem.LocalFilesystemBackend",
 *   AIRFLOW__SECRETS__BACKEND_KWARG__CONNECTIONS_FILE_PATH: "/opt/conns.json" });
 * // { backend: "...LocalFilesystemBackend", setting: "AIRFLOW__SECRETS__BACKEND", kwargs: { connections_file_path: "/opt/conns.json" }, ... }
 * ```
 */
export function airflowBackendSetting(
  env: Record<string, string | undefined>,
): AirflowBackendSetting | undefined {
  const place = PLACES.find((p) => env[p.setting]?.trim());
  if (!place) return undefined;
  const kwargs = parseBlob(env[place.blob], place.blob);
  const kwargsOrigin: Record<string, string> = {};
  for (const key of Object.keys(kwargs)) kwargsOrigin[key] = place.blob;
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(place.perKey) || value === undefined) continue;
    const key = name.slice(place.perKey.length).toLowerCase();
    if (!key) continue;
    kwargs[key] = value;
    kwargsOrigin[key] = name;
  }
  return { backend: (env[place.setting] as string).trim(), setting: place.setting, kwargs, kwargsOrigin };
}
