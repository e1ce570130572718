import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AssumeRoleCommandInput, AssumeRoleWithWebIdentityCommandInput } from "@aws-sdk/client-sts";
import { ConfigError, ConnectionFormatError, createConnection, SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { resolveAwsConfig } from "./resolveAwsConfig.js";
import type { StsCaller } from "./StsCaller.js";

const ROLE = "arn:aws:iam::123456789012:role/etl";
const HOUR = 3_600_000;

function aws(
  extra: Record<string, unknown>,
  fields: { connId?: string; login?: string; password?: string } = {},
) {
  return createConnection({ connId: fields.connId ?? "aws_test", connType: "aws", ...fields, extra });
}

/** An STS stand-in that records its inputs and answers after `gate` opens. */
function fakeSts(clock: () => number = Date.now) {
  const calls: { op: string; input: AssumeRoleCommandInput | AssumeRoleWithWebIdentityCommandInput }[] = [];
  let gate: Promise<void> = Promise.resolve();
  let failWith: unknown;
  const answer = async (op: string, input: AssumeRoleCommandInput) => {
    calls.push({ op, input });
    await gate;
    if (failWith) throw failWith;
    const n = calls.length;
    return {
      Credentials: {
        AccessKeyId: `ASIATEMP${n}`,
        SecretAccessKey: `tempsecret${n}`,
        SessionToken: `token${n}`,
        Expiration: new Date(clock() + HOUR),
      },
    };
  };
  const sts: StsCaller = {
    assumeRole: (input) => answer("AssumeRole", input),
    assumeRoleWithWebIdentity: (input) =>
      answer("AssumeRoleWithWebIdentity", input as AssumeRoleCommandInput),
  };
  return {
    sts,
    calls,
    hold() {
      let open!: () => void;
      gate = new Promise((r) => {
        open = r;
      });
      return () => open();
    },
    failWith(error: unknown) {
      failWith = error;
    },
  };
}

describe("resolveAwsConfig: which credentials", () => {
  it("static keys from login/password, with the extra session token", async () => {
    const c = await resolveAwsConfig(
      aws({ aws_session_token: "tok" }, { login: "AKIDLOGIN", password: "pw" }),
    );
    expect(c.method).toBe("static");
    expect(await c.credentials()).toEqual({
      accessKeyId: "AKIDLOGIN",
      secretAccessKey: "pw",
      sessionToken: "tok",
    });
  });

  it("static keys from extra when login/password are not both set", async () => {
    const c = await resolveAwsConfig(
      aws({ aws_access_key_id: "AKIDEXTRA", aws_secret_access_key: "sk" }, { login: "only-login" }),
    );
    expect(c.method).toBe("static");
    expect(await c.credentials()).toEqual({ accessKeyId: "AKIDEXTRA", secretAccessKey: "sk" });
  });

  it("profile_name -> profile, and the profile is passed on to the client", async () => {
    const c = await resolveAwsConfig(aws({ profile_name: "etl" }));
    expect(c.method).toBe("profile");
    expect(c.profile).toBe("etl");
  });

  it("keys win over a profile for credentials (boto3 Session semantics)", async () => {
    const c = await resolveAwsConfig(aws({ profile_name: "etl" }, { login: "AKID", password: "pw" }));
    expect(c.method).toBe("static");
    expect(c.profile).toBe("etl");
  });

  it("the empty connection -> the default chain", async () => {
    const c = await resolveAwsConfig(aws({}));
    expect(c.method).toBe("default-chain");
    expect(c.warnings).toEqual([]);
  });

  it("half a key pair, or a session token without keys, is refused", async () => {
    await expect(resolveAwsConfig(aws({ aws_access_key_id: "AKID" }))).rejects.toThrow(
      /aws_secret_access_key/,
    );
    await expect(resolveAwsConfig(aws({ aws_secret_access_key: "sk" }))).rejects.toThrow(/aws_access_key_id/);
    await expect(resolveAwsConfig(aws({ aws_session_token: "t" }))).rejects.toThrow(ConnectionFormatError);
  });
});

describe("resolveAwsConfig: assume role", () => {
  it("calls AssumeRole with Airflow's session name, the kwargs, and the role ARN last", async () => {
    const f = fakeSts();
    const c = await resolveAwsConfig(
      aws(
        {
          role_arn: ROLE,
          assume_role_kwargs: {
            DurationSeconds: 900,
            RoleArn: "arn:aws:iam::1:role/other",
            Tags: [{ Key: "k", Value: "v" }],
          },
          external_id: "legacy-ext",
        },
        { connId: "Team.ETL#1" },
      ),
      { sts: f.sts },
    );
    expect(c.method).toBe("assume-role");
    expect(c.roleArn).toBe(ROLE);
    expect(c.roleSessionName).toBe("airflow_team.etl-1");
    const creds = await c.credentials();
    expect(creds.accessKeyId).toBe("ASIATEMP1");
    expect(creds.expiration).toBeInstanceOf(Date);
    expect(f.calls).toEqual([
      {
        op: "AssumeRole",
        input: {
          RoleSessionName: "airflow_team.etl-1",
          DurationSeconds: 900,
          RoleArn: ROLE,
          Tags: [{ Key: "k", Value: "v" }],
          ExternalId: "legacy-ext",
        },
      },
    ]);
    expect(c.warnings).toContain(
      "extra.external_id is deprecated; set ExternalId in extra.assume_role_kwargs instead",
    );
  });

  it("a RoleSessionName in assume_role_kwargs wins", async () => {
    const f = fakeSts();
    const c = await resolveAwsConfig(
      aws({ role_arn: ROLE, assume_role_kwargs: { RoleSessionName: "mine" } }),
      {
        sts: f.sts,
      },
    );
    await c.credentials();
    expect(f.calls[0]?.input.RoleSessionName).toBe("mine");
    expect(c.roleSessionName).toBe("mine");
  });

  it("builds the role from the legacy aws_account_id + aws_iam_role, with a warning", async () => {
    const f = fakeSts();
    const c = await resolveAwsConfig(aws({ aws_account_id: "333333333333", aws_iam_role: "path/r" }), {
      sts: f.sts,
    });
    await c.credentials();
    expect(f.calls[0]?.input.RoleArn).toBe("arn:aws:iam::333333333333:role/path/r");
    expect(c.warnings.join("\n")).toMatch(/aws_account_id and extra.aws_iam_role is deprecated/);
  });

  it("1,000 concurrent callers share one STS call at first fetch and at refresh (5 minutes before expiry)", async () => {
    let clock = 10 * HOUR;
    const f = fakeSts(() => clock);
    const c = await resolveAwsConfig(aws({ role_arn: ROLE }), { sts: f.sts, now: () => clock });

    let open = f.hold();
    let batch = Promise.all(Array.from({ length: 1000 }, () => c.credentials()));
    await new Promise((r) => setImmediate(r));
    open();
    expect(new Set((await batch).map((x) => x.accessKeyId))).toEqual(new Set(["ASIATEMP1"]));
    expect(f.calls).toHaveLength(1);

    clock += HOUR - 5 * 60_000 - 1;
    await c.credentials();
    expect(f.calls).toHaveLength(1);

    clock += 1;
    open = f.hold();
    batch = Promise.all(Array.from({ length: 1000 }, () => c.credentials()));
    await new Promise((r) => setImmediate(r));
    open();
    expect(new Set((await batch).map((x) => x.accessKeyId))).toEqual(new Set(["ASIATEMP2"]));
    expect(f.calls).toHaveLength(2);
  });

  it("an STS failure is a SourceError naming the role ARN and never the keys", async () => {
    const f = fakeSts();
    const sdkError = Object.assign(
      new Error("The security token AKIDSOURCE123456789 with secret s3cr3t-source-key is invalid"),
      { name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 } },
    );
    f.failWith(sdkError);
    const c = await resolveAwsConfig(
      aws({ role_arn: ROLE }, { login: "AKIDSOURCE123456789", password: "s3cr3t-source-key" }),
      { sts: f.sts },
    );
    const error = await c.credentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    const e = error as SourceError;
    expect(e.message).toContain(ROLE);
    expect(e.source).toBe("sts");
    expect(e.awsErrorName).toBe("InvalidClientTokenId");
    expect(e.retryable).toBe(false);
    expect(e.cause).toBe(sdkError);
    const shown = `${e.message} ${JSON.stringify(e)}`;
    expect(shown).not.toContain("AKIDSOURCE123456789");
    expect(shown).not.toContain("s3cr3t-source-key");
  });

  it("throttling is a retryable SourceError", async () => {
    const f = fakeSts();
    f.failWith(
      Object.assign(new Error("Rate exceeded"), { name: "Throttling", $metadata: { httpStatusCode: 400 } }),
    );
    const c = await resolveAwsConfig(aws({ role_arn: ROLE }), { sts: f.sts });
    await expect(c.credentials()).rejects.toMatchObject({ retryable: true, code: "SOURCE_FAILED" });
  });

  it("refuses SAML, and unknown methods with the allowed ones named", async () => {
    await expect(
      resolveAwsConfig(aws({ role_arn: ROLE, assume_role_method: "assume_role_with_saml" })),
    ).rejects.toThrow(/assume_role_with_saml" is not supported by awsconn/);
    await expect(
      resolveAwsConfig(aws({ role_arn: ROLE, assume_role_method: "dummy_method" })),
    ).rejects.toThrow(
      'assume_role_method "dummy_method" is not supported; use one of: assume_role, assume_role_with_saml, assume_role_with_web_identity',
    );
  });
});

describe("resolveAwsConfig: web identity", () => {
  it("reads the token file from extra and calls AssumeRoleWithWebIdentity", async () => {
    const dir = await mkdtemp(join(tmpdir(), "awsconn-wi-"));
    const file = join(dir, "token");
    await writeFile(file, "header.payload.sig\n");
    const f = fakeSts();
    const c = await resolveAwsConfig(
      aws({
        role_arn: ROLE,
        assume_role_method: "assume_role_with_web_identity",
        assume_role_with_web_identity_token_file: file,
        assume_role_kwargs: { DurationSeconds: 1800 },
      }),
      { sts: f.sts, env: {} },
    );
    expect(c.method).toBe("web-identity");
    await c.credentials();
    expect(f.calls).toEqual([
      {
        op: "AssumeRoleWithWebIdentity",
        input: {
          RoleSessionName: "airflow_aws_test",
          DurationSeconds: 1800,
          RoleArn: ROLE,
          WebIdentityToken: "header.payload.sig",
        },
      },
    ]);
  });

  it("falls back to AWS_WEB_IDENTITY_TOKEN_FILE, and names an unreadable file without its content", async () => {
    const f = fakeSts();
    const c = await resolveAwsConfig(
      aws({ role_arn: ROLE, assume_role_method: "assume_role_with_web_identity" }),
      {
        sts: f.sts,
        env: { AWS_WEB_IDENTITY_TOKEN_FILE: "/nonexistent/awsconn/token" },
      },
    );
    await expect(c.credentials()).rejects.toThrow(
      'web-identity: cannot read the web identity token file "/nonexistent/awsconn/token" (ENOENT)',
    );
    expect(f.calls).toHaveLength(0);
  });

  it("needs a token file; refuses the google federation and unknown ones", async () => {
    const wi = { role_arn: ROLE, assume_role_method: "assume_role_with_web_identity" };
    await expect(resolveAwsConfig(aws(wi), { env: {} })).rejects.toThrow(/needs a token file/);
    await expect(
      resolveAwsConfig(aws({ ...wi, assume_role_with_web_identity_federation: "google" }), { env: {} }),
    ).rejects.toThrow(/"google" is not supported by awsconn/);
    await expect(
      resolveAwsConfig(aws({ ...wi, assume_role_with_web_identity_federation: "okta" }), { env: {} }),
    ).rejects.toThrow(/unsupported assume_role_with_web_identity_federation "okta"/);
  });
});

describe("resolveAwsConfig: region, endpoint, HTTP and retries", () => {
  it("region: explicit > extra.region_name > AWS_DEFAULT_REGION (only when AWS_REGION is unset)", async () => {
    const conn = aws({ region_name: "eu-west-1" });
    expect((await resolveAwsConfig(conn, { region: "cn-north-1", env: {} })).region).toBe("cn-north-1");
    expect((await resolveAwsConfig(conn, { env: {} })).region).toBe("eu-west-1");
    expect((await resolveAwsConfig(aws({}), { env: { AWS_DEFAULT_REGION: "us-gov-east-1" } })).region).toBe(
      "us-gov-east-1",
    );
    expect(
      (await resolveAwsConfig(aws({}), { env: { AWS_DEFAULT_REGION: "x", AWS_REGION: "eu-north-1" } }))
        .region,
    ).toBeUndefined();
  });

  it("endpoint per service: service_config wins, null means the AWS default", async () => {
    const conn = aws({
      endpoint_url: "https://spam.egg",
      service_config: { sns: { endpoint_url: "https://foo.bar" }, ec2: { endpoint_url: null } },
    });
    expect((await resolveAwsConfig(conn, { service: "sns" })).endpoint).toBe("https://foo.bar");
    expect((await resolveAwsConfig(conn, { service: "sts" })).endpoint).toBe("https://spam.egg");
    expect((await resolveAwsConfig(conn, { service: "ec2" })).endpoint).toBeUndefined();
    expect((await resolveAwsConfig(conn)).endpoint).toBe("https://spam.egg");
  });

  it("verify false and config_kwargs become a request handler and retry settings", async () => {
    const c = await resolveAwsConfig(
      aws({
        verify: false,
        config_kwargs: { retries: { max_attempts: 2, mode: "adaptive" }, connect_timeout: 3 },
      }),
    );
    expect(c.maxAttempts).toBe(3);
    expect(c.retryMode).toBe("adaptive");
    const handler = c.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    const conf = await handler.configProvider;
    expect(conf.connectionTimeout).toBe(3000);
    expect(
      (conf.httpsAgent as { options: { rejectUnauthorized?: boolean } }).options.rejectUnauthorized,
    ).toBe(false);
  });

  it("a CA bundle path becomes the HTTPS agent's only trusted roots", async () => {
    const dir = await mkdtemp(join(tmpdir(), "awsconn-ca-"));
    const bundle = join(dir, "ca.pem");
    const pem = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";
    await writeFile(bundle, pem);
    const c = await resolveAwsConfig(aws({ verify: bundle, config_kwargs: { max_pool_connections: 3 } }));
    const handler = c.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    const agent = (await handler.configProvider).httpsAgent as {
      options: { ca?: Buffer; rejectUnauthorized?: boolean };
      maxSockets: number;
    };
    expect(agent.options.ca?.toString("utf8")).toBe(pem);
    expect(agent.options.rejectUnauthorized).toBeUndefined();
    expect(agent.maxSockets).toBe(3);
  });

  it("an unreadable CA bundle is a ConfigError at extra.verify", async () => {
    await expect(resolveAwsConfig(aws({ verify: "/nonexistent/ca.pem" }))).rejects.toSatisfy(
      (e) => e instanceof ConfigError && e.path === "extra.verify",
    );
  });

  it("reports unknown extra keys with the nearest known one, and a non-aws conn_type", async () => {
    const c = await resolveAwsConfig(
      createConnection({ connId: "x", connType: "s3", extra: { region: "eu-west-1", foo: "bar" } }),
    );
    expect(c.warnings).toEqual([
      "expected connection type 'aws', got 's3'; this connection might not work correctly",
      'unknown extra key "region" is ignored; did you mean "region_name"?',
      'unknown extra key "foo" is ignored',
    ]);
  });
});
