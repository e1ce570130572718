// Against a real moto server (started by the testkit's global setup): copy into Secrets Manager and SSM
// and back, list, explain, and credentials for an assumed role, then read back by the real botocore
// through credential_process.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ensureVenv, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, fixtureDir, SECRET } from "./plant.js";
import { BIN, requireBuiltBin, runBin } from "./runBin.js";

const run = promisify(execFile);
const AWS_ENV = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" };

let endpoint: string;
let dir: string;
let config: string; // secretsmanager, ssm (unique prefixes), then the fixture file
let smPrefix: string;

beforeAll(() => {
  requireBuiltBin();
  endpoint = motoEndpoint();
  dir = fixtureDir();
  smPrefix = `${uniquePrefix("cli")}/connections`;
  config = join(dir, "aws.config.yaml");
  writeFileSync(
    config,
    [
      "sources:",
      "  - type: secretsmanager",
      `    prefix: ${smPrefix}`,
      `    endpoint: ${endpoint}`,
      "    region: us-east-1",
      "  - type: ssm",
      `    prefix: /${uniquePrefix("cli")}/connections`,
      `    endpoint: ${endpoint}`,
      "    region: us-east-1",
      "  - type: file",
      "    path: ./connections.yaml",
      "",
    ].join("\n"),
  );
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  runBin(["--config", config, ...args], { env: { ...AWS_ENV, ...env } });

describe("copy between the file, Secrets Manager and SSM", () => {
  it("file -> secretsmanager: dry run first, then written; the secret wins over the file afterwards", async () => {
    const dry = await cli(["copy", "warehouse", "--to", "secretsmanager", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^would create\s+warehouse\s+file:.*-> secretsmanager$/m);
    expectNoSecret(dry);
    expect((await cli(["explain", "warehouse", "--json"])).stdout).toContain('"source": "file"');

    const r = await cli(["copy", "warehouse", "--to", "secretsmanager"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^created\s+warehouse/m);
    expectNoSecret(r);

    const got = await cli(["get", "warehouse", "--json", "--show-secrets"]);
    const json = JSON.parse(got.stdout);
    expect(json.source).toBe("secretsmanager");
    expect(json.origin).toMatch(new RegExp(`^secretsmanager:${smPrefix}/warehouse@`));
    expect(json.password).toBe(SECRET);
    expect(json.extra).toEqual({ token: SECRET, sslmode: "require" });

    const again = await cli(["copy", "warehouse", "--to", "secretsmanager", "--json"]);
    expect(JSON.parse(again.stdout).steps[0].action).toBe("unchanged");
  });

  it("file -> ssm, then list shows the ids per source", async () => {
    const r = await cli(["copy", "aws_default", "warehouse", "--to", "ssm", "--from", "file"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(2);
    expectNoSecret(r);
    const listed = await cli(["list", "--json"]);
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.stdout);
    expect(json.ssm).toEqual(["aws_default", "warehouse"]);
    expect(json.secretsmanager).toContain("warehouse");
    expect(json.file).toEqual(["aws_default", "warehouse"]);
    const one = await cli(["list", "--source", "ssm"]);
    expect(one.stdout.trim().split("\n")).toEqual(["ssm\taws_default", "ssm\twarehouse"]);
  });

  it("secretsmanager -> file: back into a local file (mode 0600) that reads back the same", async () => {
    const back = join(dir, "back.yaml");
    const r = await cli(["copy", "warehouse", "--from", "secretsmanager", "--to", `file:${back}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/secretsmanager:.*-> file:/);
    const cfg = join(dir, "back.config.yaml");
    writeFileSync(cfg, `sources:\n  - type: file\n    path: ${back}\n`);
    const got = await runBin(["--config", cfg, "get", "warehouse", "--json", "--show-secrets"]);
    expect(JSON.parse(got.stdout)).toMatchObject({ password: SECRET, host: "db.example.com", port: 5432 });
  });

  it("without a configured target, the default prefixes with region and endpoint from the AWS environment", async () => {
    const id = `cli_default_${Date.now().toString(36)}`;
    const env = {
      ...AWS_ENV,
      AWS_ENDPOINT_URL: endpoint,
      [`AIRFLOW_CONN_${id.toUpperCase()}`]: "http://u:p@h",
    };
    for (const target of ["secretsmanager", "ssm"]) {
      const r = await runBin(["copy", id, "--to", target], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        new RegExp(`^created\\s+${id}\\s+env:AIRFLOW_CONN_${id.toUpperCase()} -> ${target}$`, "m"),
      );
      const again = await runBin(["copy", id, "--to", target, "--json"], { env });
      const step = JSON.parse(again.stdout).steps[0];
      expect(step.action).toBe("unchanged");
      expect(step.to).toMatch(
        target === "ssm" ? `ssm:/airflow/connections/${id}#` : `secretsmanager:airflow/connections/${id}@`,
      );
    }
  });

  it("explain shows every source in order with its outcome", async () => {
    const r = await cli(["explain", "aws_default"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+1\s+secretsmanager\s+miss/m);
    expect(r.stdout).toMatch(/^\s+2\s+ssm\s+hit\b/m);
    expectNoSecret(r);
  });
});

describe("credentials through moto's STS", () => {
  const roleConn = () =>
    `aws://testing:testing@?__extra__=${encodeURIComponent(
      JSON.stringify({
        role_arn: "arn:aws:iam::123456789012:role/cli-role",
        region_name: "us-east-1",
        service_config: { sts: { endpoint_url: endpoint } },
      }),
    )}`;

  it("an assumed role gives temporary credentials with Airflow's session name", async () => {
    const r = await runBin(["credentials", "aws_default", "--format", "json"], {
      env: { AIRFLOW_CONN_AWS_DEFAULT: roleConn() },
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      method: "assume-role",
      role_arn: "arn:aws:iam::123456789012:role/cli-role",
      // Airflow: slugify(f"Airflow_{conn_id}", regex_pattern=r"[^\w+=,.@-]+"); python-slugify lowercases.
      role_session_name: "airflow_aws_default",
    });
    expect(json.aws_access_key_id).toMatch(/^ASIA/);
    expect(json.aws_session_token).toEqual(expect.any(String));
    expect(Date.parse(json.expiration)).toBeGreaterThan(Date.now());
    const proc = await runBin(["credentials", "aws_default"], {
      env: { AIRFLOW_CONN_AWS_DEFAULT: roleConn() },
    });
    expect(Object.keys(JSON.parse(proc.stdout)).sort()).toEqual(
      ["AccessKeyId", "Expiration", "SecretAccessKey", "SessionToken", "Version"].sort(),
    );
  });

  it("STS unreachable: exit 4", async () => {
    const dead = roleConn().replace(encodeURIComponent(endpoint), encodeURIComponent("http://127.0.0.1:9"));
    const r = await runBin(["credentials", "aws_default"], {
      env: { AIRFLOW_CONN_AWS_DEFAULT: dead, AWS_MAX_ATTEMPTS: "1" },
    });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
  });

  describe("the real botocore reads credential_process = awsconn credentials ...", () => {
    let python: string;
    beforeAll(async () => {
      python = await ensureVenv();
    });

    // botocore.session with profile "awsconn" from a temporary AWS config; optionally calls STS GetCallerIdentity.
    const READ = [
      "import json, sys, botocore.session",
      's = botocore.session.Session(profile="awsconn")',
      "c = s.get_credentials().get_frozen_credentials()",
      'out = {"access_key": c.access_key, "secret_key": c.secret_key, "token": c.token}',
      "if len(sys.argv) > 1:",
      '    sts = s.create_client("sts", region_name="us-east-1", endpoint_url=sys.argv[1])',
      '    out["arn"] = sts.get_caller_identity()["Arn"]',
      "print(json.dumps(out))",
    ].join("\n");

    async function botocore(connConfig: string, stsEndpoint?: string) {
      const home = mkdtempSync(join(tmpdir(), "awsconn-botocore-"));
      const awsConfig = join(home, "config");
      writeFileSync(
        awsConfig,
        `[profile awsconn]\ncredential_process = ${process.execPath} ${BIN} credentials aws_default --format process --config ${connConfig}\n`,
      );
      const { stdout } = await run(python, ["-c", READ, ...(stsEndpoint ? [stsEndpoint] : [])], {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: home,
          AWS_CONFIG_FILE: awsConfig,
          AWS_SHARED_CREDENTIALS_FILE: join(home, "none"),
          AWS_EC2_METADATA_DISABLED: "true",
        },
      });
      return JSON.parse(stdout) as {
        access_key: string;
        secret_key: string;
        token: string | null;
        arn?: string;
      };
    }

    it("static keys", async () => {
      const got = await botocore(join(dir, "awsconn.config.yaml"));
      expect(got).toEqual({ access_key: "AKIAFILEEXAMPLE", secret_key: SECRET, token: null });
    });

    it("a role assumed through moto's STS: GetCallerIdentity shows Airflow's session name (slug of Airflow_<conn_id>)", async () => {
      const conns = join(dir, "role.yaml");
      writeFileSync(
        conns,
        `aws_default:\n  conn_type: aws\n  login: testing\n  password: testing\n  extra:\n    role_arn: arn:aws:iam::123456789012:role/cli-role\n    region_name: us-east-1\n    service_config:\n      sts:\n        endpoint_url: ${endpoint}\n`,
        { mode: 0o600 },
      );
      const cfg = join(dir, "role.config.yaml");
      writeFileSync(cfg, "sources:\n  - type: file\n    path: ./role.yaml\n");
      const got = await botocore(cfg, endpoint);
      expect(got.access_key).toMatch(/^ASIA/);
      expect(got.token).toEqual(expect.any(String));
      expect(got.arn).toBe("arn:aws:sts::123456789012:assumed-role/cli-role/airflow_aws_default");
    });
  });
});
