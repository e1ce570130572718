// awsconn variable list / explain through the built binary: keys only, never a value; a planted
// secret never shows, with or without --json. Secrets Manager and SSM list against moto.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, MARKER } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

// the planted secret's alphanumeric marker: a plain YAML scalar and env value
const SECRET = MARKER;
const SOURCES = [
  "  - type: env",
  "  - type: file",
  "    path: connections.json",
  "    variablesPath: variables.yaml",
];
let dir: string;
let config: string;
let variables: string;
let denied: string;

beforeAll(async () => {
  requireBuiltBin();
  const endpoint = motoEndpoint();
  const smPrefix = uniquePrefix("cli-vars-sm");
  const ssmPrefix = `/${uniquePrefix("cli-vars-ssm")}`;
  // the planted secret is every stored value: listing must read none of them
  const sm = new SecretsManagerClient(awsTestClientConfig(endpoint));
  for (const key of ["sm_token", "app/nested"])
    await sm.send(new CreateSecretCommand({ Name: `${smPrefix}/${key}`, SecretString: SECRET }));
  const ssm = new SSMClient(awsTestClientConfig(endpoint));
  await ssm.send(
    new PutParameterCommand({ Name: `${ssmPrefix}/ssm_password`, Value: SECRET, Type: "SecureString" }),
  );
  dir = mkdtempSync(join(tmpdir(), "awsconn-cli-varlist-"));
  const aws = (type: string, prefix: string, at = endpoint) => [
    `  - type: ${type}`,
    "    region: us-east-1",
    `    endpoint: ${at}`,
    `    variablesPrefix: ${prefix}`,
  ];
  const files: Record<string, string> = {
    "variables.yaml": `bucket: from-file\napi_token: ${SECRET}\n`,
    "connections.json": "{}",
    "awsconn.config.yaml": [
      "sources:",
      ...SOURCES,
      ...aws("secretsmanager", smPrefix),
      ...aws("ssm", ssmPrefix),
      "",
    ].join("\n"),
    "no-ssm.yaml": ["sources:", ...SOURCES, ""].join("\n"),
    // nothing listens on port 9: the listing fails
    "denied.yaml": ["sources:", ...aws("secretsmanager", smPrefix, "http://127.0.0.1:9"), ""].join("\n"),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  variables = join(dir, "variables.yaml");
  config = join(dir, "awsconn.config.yaml");
  denied = join(dir, "denied.yaml");
});

const AWS_ENV = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" };
const env = { ...AWS_ENV, AIRFLOW_VAR_REGION: "eu-west-1", AIRFLOW_VAR_DB_PASSWORD: SECRET };

describe("variable list", () => {
  it("source<TAB>key lines in priority order, Secrets Manager and SSM included; never a value", async () => {
    const r = await runBin(["--config", config, "variable", "list"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "env\tdb_password",
        "env\tregion",
        "file\tapi_token",
        "file\tbucket",
        "secretsmanager\tapp/nested",
        "secretsmanager\tsm_token",
        "ssm\tssm_password",
        "",
      ].join("\n"),
    );
    expect(r.stderr).not.toContain("cannot list");
    expectNoSecret(r);
  });

  it("--json: keys by source; --source picks one; an unknown source is a usage error", async () => {
    const r = await runBin(["--config", config, "variable", "list", "--json"], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      env: ["db_password", "region"],
      file: ["api_token", "bucket"],
      secretsmanager: ["app/nested", "sm_token"],
      ssm: ["ssm_password"],
    });
    expectNoSecret(r);
    const one = await runBin(["--config", config, "variable", "list", "--source", "ssm", "--json"], { env });
    expect(JSON.parse(one.stdout)).toEqual({ ssm: ["ssm_password"] });
    expectNoSecret(one);
    const none = await runBin(["--config", config, "variable", "list", "--source", "vault"], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no configured Variable source is named "vault" \(configured: env, file, secretsmanager, ssm\)/,
    );
  });

  it("a source that cannot be reached fails the command with its error, as awsconn list does", async () => {
    const r = await runBin(["--config", denied, "variable", "list"], { env });
    expect(r.code).toBe(4); // a source failed, as for awsconn list
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/secretsmanager: ListSecrets .* failed/);
    expectNoSecret(r);
  });
});

describe("variable explain", () => {
  it("every source consulted with outcome and origin; never the value, even with --show-secrets", async () => {
    const r = await runBin(["--config", config, "--show-secrets", "variable", "explain", "api_token"], {
      env,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`api_token: found in file (file:${variables}:2)`);
    expect(r.stdout).toMatch(/1\s+env\s+miss/);
    expect(r.stdout).toMatch(/2\s+file\s+hit/);
    expectNoSecret(r);
    const fromEnv = await runBin(["--config", config, "variable", "explain", "db_password"], { env });
    expect(fromEnv.stdout).toContain("db_password: found in env (env:AIRFLOW_VAR_DB_PASSWORD)");
    expectNoSecret(fromEnv);
  });

  it("--json: key, config, winner and steps; exit 3 when no source has it", async () => {
    const r = await runBin(["--config", config, "variable", "explain", "bucket", "--json"], { env });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      key: "bucket",
      winner: { source: "file", origin: `file:${variables}:1` },
      steps: [
        { source: "env", outcome: "miss", cache: "live" },
        { source: "file", outcome: "hit", cache: "live", origin: `file:${variables}:1` },
      ],
    });
    expect(json).not.toHaveProperty("conn_id");
    expect(json.config).toMatchObject({ origin: config, reason: "explicit" });

    const noSsm = join(dir, "no-ssm.yaml");
    const absent = await runBin(["--config", noSsm, "variable", "explain", "absent"]);
    expect(absent.code).toBe(3);
    expect(absent.stdout).toContain("absent: not found in any source");
  });

  it("--help shows examples", async () => {
    const r = await runBin(["variable", "explain", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("awsconn variable explain region --json");
    const list = await runBin(["variable", "list", "--help"]);
    expect(list.stdout).toContain("awsconn variable list --source file --json");
    const group = await runBin(["variable", "--help"]);
    expect(group.stdout).toMatch(/get[\s\S]*list[\s\S]*explain/);
  });
});
