import { readFileSync } from "node:fs";
import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { AIRFLOW_BACKENDS, fromAirflowSettings } from "./airflowSettings.js";
import type { SourceConfig } from "./types.js";

// Recorded from the real Airflow by conformance/generate_secrets_settings.py.
interface AirflowBackend {
  class: string;
  connections_prefix?: string | null;
  connections_lookup_pattern?: string | null;
  sep?: string;
  extra_conn_words?: Record<string, string[]>;
  kwargs?: Record<string, string>;
  connections_file?: string | null;
}
interface Case {
  id: string;
  env: Record<string, string>;
  airflow: {
    backends: AirflowBackend[] | null;
    use_cache?: boolean;
    cache_ttl_seconds?: number;
    error: { type: string } | null;
  };
}
const vectors = JSON.parse(
  readFileSync(new URL("../../../conformance/vectors/secrets_settings.json", import.meta.url), "utf8"),
) as {
  airflow_version: string;
  cases: Case[];
};

const TYPE_OF: Record<string, SourceConfig["type"]> = {
  [AIRFLOW_BACKENDS.secretsmanager]: "secretsmanager",
  [AIRFLOW_BACKENDS.ssm]: "ssm",
  [AIRFLOW_BACKENDS.file]: "file",
  "airflow.secrets.environment_variables.EnvironmentVariablesBackend": "env",
};

// Which of Airflow's backends look connections up, as awsconn sources (the metastore has no counterpart).
function expectedSources(backends: AirflowBackend[]) {
  return backends
    .filter((b) => b.class !== "airflow.secrets.metastore.MetastoreBackend")
    .filter((b) => !("connections_prefix" in b) || b.connections_prefix !== null)
    .filter((b) => !("connections_file" in b) || b.connections_file !== null)
    .map((b) => ({ type: TYPE_OF[b.class], backend: b }));
}

const trimEnd = (s: string, sep: string) => (s.endsWith(sep) ? s.slice(0, -sep.length) : s);

describe(`fromAirflowSettings against Airflow ${vectors.airflow_version}`, () => {
  it("has the recorded cases", () => expect(vectors.cases.length).toBeGreaterThanOrEqual(12));

  it.each(vectors.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    if (c.airflow.error) {
      expect(() => fromAirflowSettings(c.env)).toThrow(ConfigError);
      return;
    }
    const config = fromAirflowSettings(c.env);
    if (!c.env.AIRFLOW__SECRETS__BACKEND) {
      expect(config).toBeUndefined(); // discovery then falls back to [env], Airflow's own default order
      expect(expectedSources(c.airflow.backends ?? []).map((s) => s.type)).toEqual(["env"]);
      return;
    }
    const expected = expectedSources(c.airflow.backends ?? []);
    expect(config?.sources.map((s) => s.type)).toEqual(expected.map((s) => s.type));

    for (const [i, { backend }] of expected.entries()) {
      const ours = config?.sources[i] as SourceConfig;
      if (ours.type === "secretsmanager" || ours.type === "ssm") {
        const kw = backend.kwargs ?? {};
        expect(ours.region).toBe(kw.region_name);
        expect(ours.endpoint).toBe(kw.endpoint_url);
        expect(ours.profile).toBe(kw.profile_name);
        expect(ours.roleArn).toBe(kw.role_arn);
        expect(ours.lookupPattern ?? null).toBe(backend.connections_lookup_pattern ?? null);
      }
      if (ours.type === "secretsmanager") {
        const sep = ours.sep ?? "/";
        expect(sep).toBe(backend.sep);
        expect(trimEnd(ours.prefix ?? "airflow/connections", sep)).toBe(backend.connections_prefix);
        expect(ours.extraConnWords ?? {}).toEqual(backend.extra_conn_words);
      }
      if (ours.type === "ssm")
        expect(trimEnd(ours.prefix ?? "/airflow/connections", "/")).toBe(backend.connections_prefix);
      if (ours.type === "file") expect(ours.path).toBe(backend.connections_file);
    }

    if (c.env.AIRFLOW__SECRETS__USE_CACHE !== undefined) {
      expect(config?.cache?.ttlSeconds).toBe(c.airflow.use_cache ? c.airflow.cache_ttl_seconds : 0);
    } else {
      expect(config?.cache).toBeUndefined();
    }
  });

  it("invalid BACKEND_KWARGS JSON is a ConfigError (Airflow only warns and drops the kwargs)", () => {
    expect(() =>
      fromAirflowSettings({
        AIRFLOW__SECRETS__BACKEND: AIRFLOW_BACKENDS.ssm,
        AIRFLOW__SECRETS__BACKEND_KWARGS: "{prefix: 1",
      }),
    ).toThrow(/AIRFLOW__SECRETS__BACKEND_KWARGS: is not valid JSON/);
  });

  it("an unknown backend class path names the supported ones", () => {
    expect(() => fromAirflowSettings({ AIRFLOW__SECRETS__BACKEND: "my.company.VaultBackend" })).toThrow(
      /unsupported secrets backend "my.company.VaultBackend"; awsconn understands .*SecretsManagerBackend/,
    );
  });

  it("a bad USE_CACHE or CACHE_TTL_SECONDS value is a ConfigError", () => {
    const base = { AIRFLOW__SECRETS__BACKEND: AIRFLOW_BACKENDS.ssm };
    expect(() => fromAirflowSettings({ ...base, AIRFLOW__SECRETS__USE_CACHE: "maybe" })).toThrow(ConfigError);
    expect(() =>
      fromAirflowSettings({
        ...base,
        AIRFLOW__SECRETS__USE_CACHE: "1",
        AIRFLOW__SECRETS__CACHE_TTL_SECONDS: "soon",
      }),
    ).toThrow(ConfigError);
  });
});
