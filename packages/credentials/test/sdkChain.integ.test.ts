// Integration: the profile and default-chain methods through the SDK's real providers, with
// temporary shared config files, environment keys, and an IMDSv2-speaking loopback fake for
// instance-profile credentials. Environment changes are undone after each test.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createConnection, SourceError } from "@awsconn/core";
import {
  type ImdsFake,
  type LoopbackProxy,
  startImdsFake,
  startLoopbackProxy,
} from "@awsconn/testkit/faults";
import { motoEndpoint } from "@awsconn/testkit/moto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveAwsConfig } from "../src/resolveAwsConfig.js";

const CREDENTIAL_ENV = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_ROLE_ARN",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  "AWS_EC2_METADATA_DISABLED",
  "AWS_EC2_METADATA_SERVICE_ENDPOINT",
  "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
  "AWS_EC2_METADATA_V1_DISABLED",
];

let saved: Record<string, string | undefined>;
let dir: string;
let proxy: LoopbackProxy;

beforeAll(async () => {
  proxy = await startLoopbackProxy({ target: motoEndpoint() });
});
afterAll(async () => {
  await proxy?.close();
});

beforeEach(async () => {
  saved = Object.fromEntries(CREDENTIAL_ENV.map((k) => [k, process.env[k]]));
  for (const k of CREDENTIAL_ENV) delete process.env[k];
  dir = await mkdtemp(join(tmpdir(), "awsconn-chain-"));
  // No shared files unless a test writes them: the chain must not find the developer's own profile.
  process.env.AWS_CONFIG_FILE = join(dir, "absent-config");
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "absent-credentials");
  proxy.reset();
});
afterEach(() => {
  for (const k of CREDENTIAL_ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function signedKeyId(
  config: Awaited<ReturnType<typeof resolveAwsConfig>>,
): Promise<string | undefined> {
  const sts = new STSClient({ ...config, region: "us-east-1", endpoint: proxy.endpoint });
  try {
    await sts.send(new GetCallerIdentityCommand({}));
  } finally {
    sts.destroy();
  }
  return /Credential=([^/]+)\//.exec(String(proxy.requests.at(-1)?.headers.authorization))?.[1];
}

describe("profile", () => {
  it("reads a profile from temporary shared config and credentials files", async () => {
    const config = join(dir, "config");
    const credentials = join(dir, "credentials");
    await writeFile(config, "[profile etl]\nregion = eu-west-3\n");
    await writeFile(
      credentials,
      "[etl]\naws_access_key_id = AKIAPROFILEETL000001\naws_secret_access_key = profile-secret\n",
    );
    process.env.AWS_CONFIG_FILE = config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;

    const resolved = await resolveAwsConfig(
      createConnection({ connId: "p", connType: "aws", extra: { profile_name: "etl" } }),
    );
    expect(resolved.method).toBe("profile");
    expect(resolved.profile).toBe("etl");
    const creds = await resolved.credentials();
    expect(creds).toMatchObject({ accessKeyId: "AKIAPROFILEETL000001", secretAccessKey: "profile-secret" });
    expect(await signedKeyId(resolved)).toBe("AKIAPROFILEETL000001");
    // the profile's region reaches an SDK client through `profile`
    const sts = new STSClient({
      credentials: resolved.credentials,
      ...(resolved.profile ? { profile: resolved.profile } : {}),
    });
    expect(await sts.config.region()).toBe("eu-west-3");
    sts.destroy();
  });

  it("a missing profile is a SourceError naming it", async () => {
    const resolved = await resolveAwsConfig(
      createConnection({ connId: "p", connType: "aws", extra: { profile_name: "nope" } }),
    );
    const error = await resolved.credentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toContain('profile "nope"');
  });
});

describe("the empty connection: the SDK's default Node chain", () => {
  it("reads keys from the environment", async () => {
    process.env.AWS_ACCESS_KEY_ID = "AKIAENVIRONMENT00001";
    process.env.AWS_SECRET_ACCESS_KEY = "env-secret";
    const resolved = await resolveAwsConfig(createConnection({ connId: "aws_default", connType: "aws" }));
    expect(resolved.method).toBe("default-chain");
    expect(await resolved.credentials()).toMatchObject({
      accessKeyId: "AKIAENVIRONMENT00001",
      secretAccessKey: "env-secret",
    });
    expect(await signedKeyId(resolved)).toBe("AKIAENVIRONMENT00001");
  });

  describe("instance profile from an IMDSv2 endpoint", () => {
    let imds: ImdsFake;
    beforeEach(async () => {
      imds = await startImdsFake({ roleName: "awsconn-instance" });
      process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.endpoint;
    });
    afterEach(async () => {
      await imds.close();
    });

    it("gets the role's credentials with a session token (token PUT, role name, credentials JSON)", async () => {
      const resolved = await resolveAwsConfig(createConnection({ connId: "aws_default", connType: "aws" }));
      expect(resolved.method).toBe("default-chain");
      const creds = await resolved.credentials();
      expect(creds).toMatchObject({
        accessKeyId: imds.credentials.AccessKeyId,
        secretAccessKey: imds.credentials.SecretAccessKey,
        sessionToken: imds.credentials.Token,
      });
      expect(creds.expiration?.toISOString()).toBe(new Date(imds.credentials.Expiration).toISOString());
      expect(imds.requests.map((r) => [r.method, r.path, r.withToken])).toEqual([
        ["PUT", "/latest/api/token", false],
        ["GET", "/latest/meta-data/iam/security-credentials/", true],
        ["GET", "/latest/meta-data/iam/security-credentials/awsconn-instance", true],
      ]);
      // the fake speaks IMDSv2 only: without the session token the metadata is refused
      const v1 = await fetch(`${imds.endpoint}/latest/meta-data/iam/security-credentials/`);
      expect(v1.status).toBe(401);
      // cached: a second call does not ask the metadata service again
      await resolved.credentials();
      expect(imds.requests).toHaveLength(4);
    });
  });
});
