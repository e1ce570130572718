import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { fromSecretsManager } from "./fromSecretsManager.js";
import { fromSecretsManagerVariables } from "./fromSecretsManagerVariables.js";
import { secretsManagerSep } from "./secretsManagerKit.js";

// aws_backends_fuzz: Airflow's SecretsManagerBackend(sep=None) strips whitespace from the prefix
// (rstrip(None)) and reads "airflow/connectionsNoneaws_default"; awsconn read "airflow/connections/aws_default".
describe("sep of the Secrets Manager sources", () => {
  it("defaults to '/' and keeps any string, '' included", () => {
    expect(secretsManagerSep({})).toBe("/");
    expect(secretsManagerSep({ sep: "" })).toBe("");
    expect(secretsManagerSep({ sep: "/:" })).toBe("/:");
  });

  it("null (Airflow's sep=None) or a non-string is a ConfigError naming sep, for connections and Variables", () => {
    const init = { sep: null } as unknown as { sep: string };
    expect(() => fromSecretsManager(init)).toThrow(ConfigError);
    expect(() => fromSecretsManagerVariables(init)).toThrow(/sep.*must be a string, got null/);
    expect(() => fromSecretsManager({ sep: 1 } as unknown as { sep: string })).toThrow(/got number/);
  });
});
