// What a new user meets first: `help` (exit 0; an unknown command says so), "did you mean" for a
// mistyped connection id (from the ids env and files hold, never a remote call), and network errors
// that name the endpoint setting to change. Spawns the built binary.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@awsconn/testkit/moto";
import { beforeAll, describe, expect, it } from "vitest";
import { requireBuiltBin, runBin } from "./runBin.js";

beforeAll(requireBuiltBin);

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET";
const ENV_CONN = `aws://AKIAIOSFODNN7EXAMPLE:${encodeURIComponent(SECRET)}@?region_name=eu-west-1`;

describe.concurrent("awsconn help", () => {
  it("help prints the overview on stdout, exit 0", async () => {
    const r = await runBin(["help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Usage: awsconn");
    expect(r.stdout).toMatch(/^\s+help \[command\]/m);
  });

  it("help <command> prints that command's help, exit 0", async () => {
    const r = await runBin(["help", "credentials"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Usage: awsconn credentials");
    expect(r.stdout).toContain("Examples:");
  });

  it("help <unknown> says the command is unknown, exit 2, nothing on stdout", async () => {
    const r = await runBin(["help", "nosuch"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain("error: unknown command 'nosuch'");
  });

  it("help <near miss> names the nearest command", async () => {
    const r = await runBin(["help", "credential"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'credential' (did you mean credentials?)");
  });
});

describe.concurrent("did you mean: a mistyped connection id", () => {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-cli-suggest-"));
  writeFileSync(
    join(dir, "connections.yaml"),
    "warehouse_pg:\n  conn_type: postgres\n  host: db.example.com\n",
    { mode: 0o600 },
  );
  writeFileSync(
    join(dir, "awsconn.config.yaml"),
    "sources:\n  - type: env\n  - type: file\n    path: ./connections.yaml\n",
  );
  const env = { AIRFLOW_CONN_AWS_DEFAULT: ENV_CONN };

  it("get: the nearest id an env variable holds, exit 3", async () => {
    const r = await runBin(["get", "aws_defualt"], { cwd: dir, env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('connection "aws_defualt" not found');
    expect(r.stderr).toContain("hint: did you mean aws_default?");
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });

  it("explain: the nearest id a connections file holds, exit 3", async () => {
    const r = await runBin(["explain", "warehouse_pgg"], { cwd: dir, env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("hint: did you mean warehouse_pg?");
  });

  it("no hint when nothing is close, and none with --quiet", async () => {
    const far = await runBin(["get", "zzz_unrelated_id"], { cwd: dir, env });
    expect(far.code).toBe(3);
    expect(far.stderr).not.toContain("did you mean");
    const quiet = await runBin(["--quiet", "get", "aws_defualt"], { cwd: dir, env });
    expect(quiet.code).toBe(3);
    expect(quiet.stderr).not.toContain("did you mean");
  });
});

describe.concurrent("network errors name the endpoint setting", () => {
  it("test: an unreachable STS names service_config.sts.endpoint_url, exit 4", async () => {
    const port = await freePort(); // nothing listens there: connection refused
    const extra = encodeURIComponent(JSON.stringify({ sts: { endpoint_url: `http://127.0.0.1:${port}` } }));
    const r = await runBin(["test", "aws_default"], {
      env: { AIRFLOW_CONN_AWS_DEFAULT: `${ENV_CONN}&service_config=${extra}` },
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("sts: GetCallerIdentity failed");
    expect(r.stderr).toContain(
      "hint: the STS endpoint comes from the connection's extra service_config.sts.endpoint_url",
    );
    expect(r.stderr).not.toContain(SECRET);
  });

  it("get: an unreachable Secrets Manager names the source's endpoint setting, exit 4", async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "awsconn-cli-endpoint-"));
    writeFileSync(
      join(dir, "awsconn.config.yaml"),
      `sources:\n  - type: secretsmanager\n    region: us-east-1\n    endpoint: http://127.0.0.1:${port}\n`,
    );
    const r = await runBin(["get", "warehouse"], {
      cwd: dir,
      env: { AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: SECRET },
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(
      'hint: the secretsmanager endpoint comes from that source\'s "endpoint" setting',
    );
    expect(r.stderr).not.toContain(SECRET);
  });
});
