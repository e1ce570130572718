// credentials with static keys (no AWS needed): the three formats, --service, warnings, exit codes.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureDir, SECRET } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

let config: string;
beforeAll(() => {
  requireBuiltBin();
  config = join(fixtureDir(), "awsconn.config.yaml");
});

describe("credentials (static keys)", () => {
  it("--format process (the default) prints credential_process JSON version 1", async () => {
    const r = await runBin(["--config", config, "credentials", "aws_default"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual({
      Version: 1,
      AccessKeyId: "AKIAFILEEXAMPLE",
      SecretAccessKey: SECRET,
    });
  });

  it("--format env output, eval'ed by sh, sets exactly the connection's values", async () => {
    const r = await runBin(["--config", config, "credentials", "aws_default", "--format", "env"]);
    expect(r.code).toBe(0);
    const shown = execFileSync(
      "sh",
      [
        "-c",
        'eval "$AWSCONN_OUT"; printf "%s\\n%s\\n%s\\n%s" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_REGION" "$(printenv AWS_SESSION_TOKEN || echo unset)"',
      ],
      {
        encoding: "utf8",
        env: { PATH: process.env.PATH, AWSCONN_OUT: r.stdout, AWS_SESSION_TOKEN: "stale" },
      },
    );
    expect(shown.split("\n")).toEqual(["AKIAFILEEXAMPLE", SECRET, "eu-west-1", "unset"]);
  });

  it("--format json (or --json) gives keys, region, endpoint and method", async () => {
    const r = await runBin(["--config", config, "--json", "credentials", "aws_default"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      aws_access_key_id: "AKIAFILEEXAMPLE",
      aws_secret_access_key: SECRET,
      aws_session_token: null,
      region_name: "eu-west-1",
      method: "static",
    });
  });

  it("--service picks service_config.<svc>.endpoint_url and the per-service env variable", async () => {
    const uri = `aws://AKIASVC:x@?__extra__=${encodeURIComponent(
      JSON.stringify({
        endpoint_url: "http://all.example",
        service_config: { s3: { endpoint_url: "http://s3.example" } },
      }),
    )}`;
    const env = { AIRFLOW_CONN_SVC: uri };
    const s3 = await runBin(["credentials", "svc", "--format", "env", "--service", "s3"], { env });
    expect(s3.code).toBe(0);
    expect(s3.stdout).toContain("export AWS_ENDPOINT_URL_S3=http://s3.example");
    const sqs = await runBin(["credentials", "svc", "--format", "json", "--service", "sqs"], { env });
    expect(JSON.parse(sqs.stdout).endpoint_url).toBe("http://all.example");
  });

  it("warnings (unknown extra keys) go to stderr, and --quiet silences them", async () => {
    const env = { AIRFLOW_CONN_TYPO: "aws://AKIATYPO:x@?region=eu-west-1" };
    const r = await runBin(["credentials", "typo"], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*region_name/);
    expect(JSON.parse(r.stdout).AccessKeyId).toBe("AKIATYPO");
    const quiet = await runBin(["credentials", "typo", "--quiet"], { env });
    expect(quiet.stderr).toBe("");
  });

  it("not found exits 3; an invalid id exits 2", async () => {
    expect((await runBin(["--config", config, "credentials", "nowhere"])).code).toBe(3);
    expect((await runBin(["credentials", "no way"])).code).toBe(2);
  });
});
