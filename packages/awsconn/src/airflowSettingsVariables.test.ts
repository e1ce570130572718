import { describe, expect, it } from "vitest";
import { fromAirflowSettings } from "./airflowSettings.js";

const SM = "airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend";
const SSM = "airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend";
const FILE = "airflow.secrets.local_filesystem.LocalFilesystemBackend";

const settings = (backend: string, kwargs: Record<string, unknown>) =>
  fromAirflowSettings({
    AIRFLOW__SECRETS__BACKEND: backend,
    AIRFLOW__SECRETS__BACKEND_KWARGS: JSON.stringify(kwargs),
  });

describe("fromAirflowSettings: the Variables kwargs", () => {
  it("variables_prefix and variables_lookup_pattern become variablesPrefix / variablesLookupPattern", () => {
    expect(
      settings(SM, { variables_prefix: "prod/vars", variables_lookup_pattern: "^app_" })?.sources[0],
    ).toEqual({
      type: "secretsmanager",
      variablesPrefix: "prod/vars",
      variablesLookupPattern: "^app_",
    });
    expect(settings(SSM, { variables_prefix: null })?.sources[0]).toEqual({
      type: "ssm",
      variablesPrefix: null,
    });
  });

  it("connections_prefix null keeps the backend for Variables; both null drops it", () => {
    expect(settings(SSM, { connections_prefix: null })?.sources[0]).toEqual({ type: "ssm", prefix: null });
    expect(settings(SM, { connections_prefix: null, variables_prefix: null })?.sources).toEqual([
      { type: "env" },
    ]);
  });

  it("variables_file_path becomes the file entry's variablesPath; alone it is a warning", () => {
    const both = settings(FILE, { connections_file_path: "/c.yaml", variables_file_path: "/v.yaml" });
    expect(both?.sources[0]).toEqual({ type: "file", path: "/c.yaml", variablesPath: "/v.yaml" });
    const alone = settings(FILE, { variables_file_path: "/v.yaml" });
    expect(alone?.sources).toEqual([{ type: "env" }]);
    expect(alone?.warnings).toEqual([
      expect.stringMatching(/variables_file_path is not applied without connections_file_path/),
    ]);
  });
});
