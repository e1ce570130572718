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
interface Outcome {
  backends: AirflowBackend[] | null;
  use_cache?: boolean;
  cache_ttl_seconds?: number;
  error: { type: string } | null;
}
interface Case {
  id: string;
  env: Record<string, string>;
  /** What a server builds. */
  airflow: Outcome;
  /** What a task on a worker builds: awsconn's model. */
  airflow_worker: Outcome;
}
const vectors = JSON.parse(
  readFileSync(new URL("../../../conformance/vectors/secrets_settings.json", import.meta.url), "utf8"),
) as {
  airflow_version: string;
  cases: Case[];
};

// Deliberate differences (conformance/deviations.json, "secrets_settings:<id>"): awsconn refuses
// kwargs that Airflow drops with a logged warning.
const deviations = JSON.parse(
  readFileSync(new URL("../../../conformance/deviations.json", import.meta.url), "utf8"),
) as Record<string, string>;
const listed = (id: string) => deviations[`secrets_settings:${id}`];

const TYPE_OF: Record<string, SourceConfig["type"]> = {
  [AIRFLOW_BACKENDS.secretsmanager]: "secretsmanager",
  [AIRFLOW_BACKENDS.ssm]: "ssm",
  [AIRFLOW_BACKENDS.file]: "file",
  "airflow.secrets.environment_variables.EnvironmentVariablesBackend": "env",
};

// Which of Airflow's backends look connections up, as awsconn sources (the metastore and the
// worker's Execution API have no counterpart).
function expectedSources(backends: AirflowBackend[]) {
  return (
    backends
      .filter((b) => b.class !== "airflow.secrets.metastore.MetastoreBackend")
      .filter((b) => !b.class.endsWith(".ExecutionAPISecretsBackend"))
      // connections_prefix null: the backend still serves Variables (variables_prefix is not null), so it stays.
      .filter((b) => !("connections_file" in b) || b.connections_file !== null)
      .map((b) => ({ type: TYPE_OF[b.class], backend: b }))
  );
}

const trimEnd = (s: string, sep: string) => (s.endsWith(sep) ? s.slice(0, -sep.length) : s);

describe(`fromAirflowSettings against Airflow ${vectors.airflow_version}`, () => {
  it("has the recorded cases", () => expect(vectors.cases.length).toBeGreaterThanOrEqual(12));

  it.each(vectors.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const airflow = c.airflow_worker;
    if (airflow.error || listed(c.id)) {
      expect(() => fromAirflowSettings(c.env)).toThrow(ConfigError);
      return;
    }
    const config = fromAirflowSettings(c.env);
    const custom = (airflow.backends ?? []).filter(
      (b) =>
        !b.class.startsWith("airflow.secrets.environment") && !b.class.endsWith("ExecutionAPISecretsBackend"),
    );
    if (custom.length === 0) {
      expect(config).toBeUndefined(); // discovery then falls back to [env], Airflow's own default order
      expect(expectedSources(airflow.backends ?? []).map((s) => s.type)).toEqual(["env"]);
      return;
    }
    const expected = expectedSources(airflow.backends ?? []);
    expect(config?.sources.map((s) => s.type)).toEqual(expected.map((s) => s.type));

    for (const [i, { backend }] of expected.entries()) {
      const ours = config?.sources[i] as SourceConfig;
      if (ours.type === "secretsmanager" || ours.type === "ssm") {
        // Every kwarg the backend hands to its client's connection wrapper, as that connection's extra.
        expect(ours.clientExtra ?? {}).toEqual(backend.kwargs ?? {});
        expect(ours.lookupPattern ?? null).toBe(backend.connections_lookup_pattern ?? null);
      }
      if (ours.type === "secretsmanager") {
        const sep = ours.sep ?? "/";
        expect(sep).toBe(backend.sep);
        expect(ours.prefix === null ? null : trimEnd(ours.prefix ?? "airflow/connections", sep)).toBe(
          backend.connections_prefix,
        );
        expect(ours.extraConnWords ?? {}).toEqual(backend.extra_conn_words);
      }
      if (ours.type === "ssm")
        expect(ours.prefix === null ? null : trimEnd(ours.prefix ?? "/airflow/connections", "/")).toBe(
          backend.connections_prefix,
        );
      if (ours.type === "file") expect(ours.path).toBe(backend.connections_file);
    }
    expect(config?.setting).toBe(
      c.env.AIRFLOW__WORKERS__SECRETS_BACKEND
        ? "AIRFLOW__WORKERS__SECRETS_BACKEND"
        : "AIRFLOW__SECRETS__BACKEND",
    );

    if (c.env.AIRFLOW__SECRETS__USE_CACHE !== undefined) {
      expect(config?.cache?.ttlSeconds).toBe(airflow.use_cache ? airflow.cache_ttl_seconds : 0);
    } else {
      expect(config?.cache).toBeUndefined();
    }
  });

  it("the deviations it lists are cases that exist", () => {
    const ids = new Set(vectors.cases.map((c) => c.id));
    for (const key of Object.keys(deviations).filter((k) => k.startsWith("secrets_settings:")))
      expect(ids.has(key.slice("secrets_settings:".length))).toBe(true);
  });

  it("warns about a kwarg nothing reads, naming it and the nearest known one, never its value", () => {
    const config = fromAirflowSettings({
      AIRFLOW__SECRETS__BACKEND: AIRFLOW_BACKENDS.secretsmanager,
      AIRFLOW__SECRETS__BACKEND_KWARGS: '{"region_nam": "eu-west-1", "use_ssl": false}',
      AIRFLOW__SECRETS__BACKEND_KWARG__AWS_SECRET_ACCES_KEY: "planted-kwarg-secret",
    });
    const text = config?.warnings.join("\n") ?? "";
    expect(text).toMatch(
      /AIRFLOW__SECRETS__BACKEND_KWARGS: unknown kwarg region_nam \(did you mean region_name\?\)/,
    );
    expect(text).toMatch(
      /AIRFLOW__SECRETS__BACKEND_KWARG__AWS_SECRET_ACCES_KEY: unknown kwarg aws_secret_acces_key \(did you mean aws_secret_access_key\?\)/,
    );
    expect(text).toMatch(/use_ssl is not applied/);
    expect(text).not.toContain("planted-kwarg-secret");
    expect(text).not.toContain("eu-west-1");
  });

  it("a per-key kwarg that must be an object says to use the JSON blob", () => {
    expect(() =>
      fromAirflowSettings({
        AIRFLOW__SECRETS__BACKEND: AIRFLOW_BACKENDS.secretsmanager,
        AIRFLOW__SECRETS__BACKEND_KWARG__EXTRA_CONN_WORDS: '{"login": ["usr"]}',
      }),
    ).toThrow(
      /AIRFLOW__SECRETS__BACKEND_KWARG__EXTRA_CONN_WORDS: extra_conn_words: expected a JSON object, got string \(a per-key variable is a raw string/,
    );
  });

  it('"sep": null is a ConfigError (Airflow joins prefix and id with the text "None")', () => {
    expect(() =>
      fromAirflowSettings({
        AIRFLOW__SECRETS__BACKEND: AIRFLOW_BACKENDS.secretsmanager,
        AIRFLOW__SECRETS__BACKEND_KWARGS: '{"sep": null}',
      }),
    ).toThrow(/AIRFLOW__SECRETS__BACKEND_KWARGS: sep: expected a string, got null/);
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
