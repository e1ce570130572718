import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { AIRFLOW_BACKENDS } from "./airflowSettings.js";
import { configSchemas, SOURCE_TYPES } from "./configSchema.js";
import { discoverConfig } from "./discoverConfig.js";
import { parseConfig } from "./parseConfig.js";

function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), "awsconn-discover-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const airflowEnv = {
  AIRFLOW__SECRETS__BACKEND: AIRFLOW_BACKENDS.secretsmanager,
  AIRFLOW__SECRETS__BACKEND_KWARGS: '{"connections_prefix": "prod", "region_name": "eu-west-1"}',
};

describe("discoverConfig order", () => {
  const all = {
    "awsconn.config.yaml": "sources:\n  - type: ssm\n",
    "awsconn.config.yml": "sources:\n  - type: file\n    path: yml.json\n",
    "awsconn.config.json": '{"sources": [{"type": "file", "path": "json.json"}]}',
    "explicit.yaml": "mode: merge\nsources:\n  - type: file\n    path: explicit.yaml\n",
    "pointed.json": '{"sources": [{"type": "env", "prefix": "POINTED_"}]}',
  };

  it("1. an explicit path (or { configFile }) wins over everything", () => {
    const cwd = dir(all);
    const env = { ...airflowEnv, AWSCONN_CONFIG: "pointed.json" };
    for (const input of ["explicit.yaml", { configFile: "explicit.yaml" }]) {
      const found = discoverConfig(input, { env, cwd });
      expect(found.origin).toBe(join(cwd, "explicit.yaml"));
      expect(found.config.mode).toBe("merge");
    }
  });

  it("1. an explicit object with sources wins too", () => {
    const found = discoverConfig(
      { sources: [{ type: "env", prefix: "CODE_" }] },
      { env: { AWSCONN_CONFIG: "x" }, cwd: dir(all) },
    );
    expect(found.origin).toBe("code");
    expect(found.config.sources).toEqual([{ type: "env", prefix: "CODE_" }]);
  });

  it("2. AWSCONN_CONFIG comes next", () => {
    const cwd = dir(all);
    const found = discoverConfig(undefined, { env: { ...airflowEnv, AWSCONN_CONFIG: "pointed.json" }, cwd });
    expect(found.config.sources).toEqual([{ type: "env", prefix: "POINTED_" }]);
  });

  it("3. then ./awsconn.config.yaml, .yml, .json in that order", () => {
    expect(discoverConfig(undefined, { env: airflowEnv, cwd: dir(all) }).config.sources).toEqual([
      { type: "ssm" },
    ]);
    const { "awsconn.config.yaml": _y, ...noYaml } = all;
    expect(discoverConfig(undefined, { env: airflowEnv, cwd: dir(noYaml) }).config.sources).toEqual([
      { type: "file", path: "yml.json" },
    ]);
    const { "awsconn.config.yml": _m, ...onlyJson } = noYaml;
    expect(discoverConfig(undefined, { env: airflowEnv, cwd: dir(onlyJson) }).config.sources).toEqual([
      { type: "file", path: "json.json" },
    ]);
  });

  it("4. then Airflow's [secrets] backend, searched before AIRFLOW_CONN_* env", () => {
    const found = discoverConfig(undefined, { env: airflowEnv, cwd: dir() });
    expect(found.origin).toBe("AIRFLOW__SECRETS__BACKEND");
    // region_name is a kwarg of the backend's own client: its clientExtra, as Airflow hands it to the wrapper.
    expect(found.config.sources).toEqual([
      { type: "secretsmanager", prefix: "prod", clientExtra: { region_name: "eu-west-1" } },
      { type: "env" },
    ]);
  });

  it("5. otherwise [env]", () => {
    const found = discoverConfig(undefined, { env: {}, cwd: dir() });
    expect(found.origin).toBe("default");
    expect(found.config.sources).toEqual([{ type: "env" }]);
  });

  it("5. the default is built in code, unvalidated, and is exactly what validating it would give", () => {
    const found = discoverConfig(undefined, { env: {}, cwd: dir() });

    expect(found.config).toEqual(parseConfig({ sources: [{ type: "env" }] }));
    expect(found.config).toEqual(parseConfig({}));
  });

  it("an explicit object without sources keeps discovery and overrides mode and cache", () => {
    const found = discoverConfig(
      { mode: "merge", cache: { ttlSeconds: 7 } },
      { env: airflowEnv, cwd: dir() },
    );
    expect(found.origin).toBe("AIRFLOW__SECRETS__BACKEND");
    expect(found.config.mode).toBe("merge");
    expect(found.config.cache.ttlSeconds).toBe(7);
  });

  it("relative file paths in a config file are taken from the file's directory", () => {
    const cwd = dir({ "awsconn.config.yaml": "sources:\n  - type: file\n    path: conns.yaml\n" });
    expect(discoverConfig(undefined, { env: {}, cwd }).baseDir).toBe(cwd);
  });
});

describe("config file errors", () => {
  it.each([
    ["bad.yaml", "sources: [\n", /bad.yaml: is not valid YAML/],
    ["bad.json", "{", /bad.json: is not valid JSON/],
    ["list.yaml", "- type: env\n", /expected a mapping at the top level/],
    ["conf.toml", "x = 1", /unsupported configuration file extension ".toml"/],
    [
      "typo.yaml",
      "sources:\n  - type: sm\n",
      /typo.yaml:2: sources\[0\].type: expected one of env, file, secretsmanager, ssm, plugin, got "sm" \(did you mean "ssm"\?\)/,
    ],
    ["code-only.yaml", "logger: x\n", /unknown key "logger"/],
  ])("%s", (name, text, message) => {
    const cwd = dir({ [name]: text });
    expect(() => discoverConfig(name, { env: {}, cwd })).toThrow(message);
  });

  it("reports every problem of a YAML file at once, each at its line, with the nearest valid names", () => {
    const text = [
      "sorces: []", // 1
      "sources:", // 2
      "  - type: secretmanager", // 3
      "  - type: file", // 4
      "  - type: ssm", // 5
      "    prefx: /team", // 6
      "mode: merg", // 7
      "cache:", // 8
      "  ttl: 5", // 9
      "logger: x", // 10
      "",
    ].join("\n");
    const cwd = dir({ "awsconn.config.yaml": text });
    const file = join(cwd, "awsconn.config.yaml");
    let error: ConfigError | undefined;
    try {
      discoverConfig(undefined, { env: {}, cwd });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const types = SOURCE_TYPES.join(", ");
    expect(error?.problems.map((p) => `${p.line}: ${p.path ?? ""}: ${p.message}`)).toEqual([
      '10: logger: unknown key "logger" (only allowed in code)',
      '7: mode: expected one of first, merge, got "merg" (did you mean "merge"?)',
      '9: cache: unknown key "ttl" (did you mean "ttlSeconds"?)',
      '1: : unknown key "sorces" (did you mean "sources"?)',
      `3: sources[0].type: expected one of ${types}, got "secretmanager" (did you mean "secretsmanager"?)`,
      "4: sources[1].path: expected string, got nothing",
      '6: sources[2]: unknown key "prefx" (did you mean "prefix"?)',
    ]);
    expect(error?.message.split("\n")[0]).toBe(`${file}: 7 problems in the configuration:`);
    expect(error?.message).toContain(
      `\n  ${file}:6: sources[2]: unknown key "prefx" (did you mean "prefix"?)`,
    );
  });

  it("names the line in a JSON config file too", () => {
    const cwd = dir({
      "c.json": '{\n  "sources": [\n    {"type": "env"},\n    {"type": "ssm", "region": ""}\n  ]\n}\n',
    });
    expect(() => discoverConfig("c.json", { env: {}, cwd })).toThrow(
      /c\.json:4: sources\[1\]\.region: Too small/,
    );
  });

  it("a missing file named by AWSCONN_CONFIG is a ConfigError, not a silent fallback", () => {
    expect(() =>
      discoverConfig(undefined, { env: { AWSCONN_CONFIG: "/nonexistent/awsconn.yaml" }, cwd: dir() }),
    ).toThrow(ConfigError);
  });

  it("YAML alias bombs are refused", () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    const cwd = dir({ "bomb.yaml": bomb });
    expect(() => discoverConfig("bomb.yaml", { env: {}, cwd })).toThrow(ConfigError);
  });
});

describe("SOURCE_TYPES", () => {
  it("lists the type of each member of the source schema, in order", () => {
    const { sourceConfigSchema } = configSchemas();

    expect(sourceConfigSchema.options.map((option) => option.shape.type.value)).toEqual([...SOURCE_TYPES]);
  });
});
