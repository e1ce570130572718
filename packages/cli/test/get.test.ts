// get, uri, explain, list against env and file sources; the planted secret never shows without --show-secrets.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, fixtureDir, MARKER, SECRET } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

let dir: string;
let config: string;
const envUri = `aws://AKIAENVEXAMPLE:${encodeURIComponent(SECRET)}@?region_name=us-west-2&aws_session_token=${MARKER}tok`;

beforeAll(() => {
  requireBuiltBin();
  dir = fixtureDir();
  config = join(dir, "awsconn.config.yaml");
});

describe("get", () => {
  it("prints the winner with source and origin, secrets as ***", async () => {
    const r = await runBin(["--config", config, "get", "warehouse"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^conn_id\s+warehouse$/m);
    expect(r.stdout).toMatch(/^password\s+\*\*\*$/m);
    expect(r.stdout).toMatch(/^source\s+file$/m);
    expect(r.stdout).toMatch(/^origin\s+file:.*connections\.yaml:\d+$/m);
    expectNoSecret(r);
  });

  it("--json: Airflow's snake_case fields plus source and origin; password and secret extras are ***", async () => {
    const r = await runBin(["get", "warehouse", "--json", "--config", config]);
    expect(r.code).toBe(0);
    expectNoSecret(r);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(
      [
        "conn_id",
        "conn_type",
        "description",
        "extra",
        "host",
        "login",
        "origin",
        "password",
        "port",
        "schema",
        "source",
      ].sort(),
    );
    expect(json).toMatchObject({
      conn_id: "warehouse",
      conn_type: "postgres",
      host: "db.example.com",
      login: "etl",
      password: "***",
      port: 5432,
      schema: "analytics",
      extra: { token: "***", sslmode: "require" },
      source: "file",
    });
    expect(json.origin).toMatch(/^file:.*connections\.yaml:6$|^file:.*connections\.yaml:\d+$/);
  });

  it("--show-secrets prints the real password and secret extras", async () => {
    const r = await runBin(["--config", config, "--json", "--show-secrets", "get", "warehouse"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.password).toBe(SECRET);
    expect(json.extra.token).toBe(SECRET);
  });

  it("an AIRFLOW_CONN_* variable wins over the file (env is first in the config)", async () => {
    const r = await runBin(["--config", config, "get", "aws_default", "--json"], {
      env: { AIRFLOW_CONN_AWS_DEFAULT: envUri },
    });
    expect(r.code).toBe(0);
    expectNoSecret(r);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      login: "AKIAENVEXAMPLE",
      source: "env",
      origin: "env:AIRFLOW_CONN_AWS_DEFAULT",
    });
    expect(json.extra).toEqual({ region_name: "us-west-2", aws_session_token: "***" });
  });

  it("without --config uses the discovered default (env only)", async () => {
    const r = await runBin(["get", "aws_default", "--json"], { env: { AIRFLOW_CONN_AWS_DEFAULT: envUri } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source).toBe("env");
    const missing = await runBin(["get", "warehouse"]);
    expect(missing.code).toBe(3);
  });

  it("--json: an env value's query values stay strings (the Task SDK's parser); connectionParser: server makes them JSON", async () => {
    const env = { AIRFLOW_CONN_TUNED: "aws://h?timeout=30&verify=false" };
    const r = await runBin(["get", "tuned", "--json"], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).extra).toEqual({ timeout: "30", verify: "false" });
    const server = join(dir, "server-parser.config.json");
    writeFileSync(server, JSON.stringify({ sources: [{ type: "env" }], connectionParser: "server" }));
    const s = await runBin(["--config", server, "--verbose", "get", "tuned", "--json"], { env });
    expect(JSON.parse(s.stdout).extra).toEqual({ timeout: 30, verify: false });
    expect(s.stderr).toMatch(
      /configuration: .*server-parser\.config\.json \(given with --config\); connectionParser: server/,
    );
  });

  it("not found: exit 3, message on stderr, nothing on stdout", async () => {
    const r = await runBin(["--config", config, "get", "nowhere"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/error: .*"nowhere" not found/);
  });

  it("an invalid connection: exit 5, no secret in the message", async () => {
    const r = await runBin(["get", "broken"], {
      env: { AIRFLOW_CONN_BROKEN: `postgres://u:${encodeURIComponent(SECRET)}@h:99999/db` },
    });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/error: /);
    expectNoSecret(r);
  });

  it("an invalid config file: exit 5 naming the key path", async () => {
    const bad = join(dir, "bad.config.yaml");
    await import("node:fs").then((fs) => fs.writeFileSync(bad, "sources:\n  - type: sm\n"));
    const r = await runBin(["--config", bad, "get", "x"]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("sources[0].type");
  });

  it("a failing source: exit 4 (fail closed, no fall-through)", async () => {
    const cfg = join(dir, "down.config.yaml");
    await import("node:fs").then((fs) =>
      fs.writeFileSync(
        cfg,
        "sources:\n  - type: secretsmanager\n    region: us-east-1\n    endpoint: http://127.0.0.1:9\n    connectTimeoutMs: 200\n    requestTimeoutMs: 500\n  - type: file\n    path: ./connections.yaml\n",
      ),
    );
    const r = await runBin(["--config", cfg, "get", "aws_default"], {
      env: { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_MAX_ATTEMPTS: "1" },
    });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/error: secretsmanager/);
    expectNoSecret(r);
  }, 30_000);
});

describe("uri", () => {
  it("prints the Airflow URI with *** for secrets", async () => {
    const r = await runBin(["--config", config, "uri", "warehouse"]);
    expect(r.code).toBe(0);
    expectNoSecret(r);
    expect(r.stdout.trim()).toMatch(/^postgres:\/\/etl:\*\*\*@db\.example\.com:5432\/analytics\?/);
    expect(r.stdout).toContain("token=***");
  });

  it("--show-secrets prints a URI that reads back as the same connection", async () => {
    const r = await runBin(["--config", config, "uri", "warehouse", "--show-secrets"]);
    expect(r.code).toBe(0);
    const uri = r.stdout.trim();
    const back = await runBin(["get", "copy_of_wh", "--json", "--show-secrets"], {
      env: { AIRFLOW_CONN_COPY_OF_WH: uri },
    });
    const original = await runBin(["--config", config, "get", "warehouse", "--json", "--show-secrets"]);
    const pick = (s: string) => {
      const { conn_id: _id, source: _s, origin: _o, ...rest } = JSON.parse(s);
      return rest;
    };
    expect(pick(back.stdout)).toEqual(pick(original.stdout));
  });
});

describe("explain", () => {
  it("lists every source in priority order with outcome and origin", async () => {
    const r = await runBin(["--config", config, "explain", "warehouse"]);
    expect(r.code).toBe(0);
    expectNoSecret(r);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^warehouse: found in file \(file:.*connections\.yaml:\d+\)$/);
    expect(r.stdout).toMatch(/^\s+1\s+env\s+miss\b/m);
    expect(r.stdout).toMatch(/^\s+2\s+file\s+hit\b.*connections\.yaml/m);
  });

  it("--json gives the steps; not found exits 3 after printing them", async () => {
    const r = await runBin(["--config", config, "explain", "nowhere", "--json"]);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout);
    expect(json.winner).toBeNull();
    expect(json.steps.map((s: { source: string; outcome: string }) => [s.source, s.outcome])).toEqual([
      ["env", "miss"],
      ["file", "miss"],
    ]);
  });
});

describe("list", () => {
  it("prints source<TAB>conn_id for every source that can list", async () => {
    const r = await runBin(["--config", config, "list"], { env: { AIRFLOW_CONN_FROM_ENV: "http://h" } });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split("\n");
    expect(rows).toEqual(expect.arrayContaining(["file\taws_default", "file\twarehouse"]));
    expectNoSecret(r);
  });

  it("--source filters, --json groups; an unknown source is a usage error", async () => {
    const r = await runBin(["--config", config, "list", "--source", "file", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: ["aws_default", "warehouse"] });
    const bad = await runBin(["--config", config, "list", "--source", "nope"]);
    expect(bad.code).toBe(2);
  });
});

describe("--quiet and --verbose", () => {
  it("--quiet drops informational messages, --verbose adds debug lines; errors always print", async () => {
    const normal = await runBin(["--config", config, "check", join(dir, "connections.yaml")]);
    expect(normal.stderr).toContain("ok ");
    const quiet = await runBin(["--config", config, "--quiet", "check", join(dir, "connections.yaml")]);
    expect(quiet.stderr).toBe("");
    const verbose = await runBin(["--verbose", "--config", config, "credentials", "aws_default"]);
    expect(verbose.stderr).toMatch(/^debug: /m);
    const quietError = await runBin(["--quiet", "get", "nowhere"]);
    expect(quietError.stderr).toContain("error:");
  });
});
