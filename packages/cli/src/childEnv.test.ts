import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AWS_CREDENTIAL_VARIABLES,
  childEnv,
  defaultProfileWithKeys,
  isCredentialVariable,
  isEndpointVariable,
  shadowingSources,
} from "./childEnv.js";

describe("childEnv", () => {
  const parent: Record<string, string | undefined> = {
    PATH: "/bin",
    AWS_REGION: "ap-south-1",
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/x",
    AWS_CONTAINER_SOMETHING_NEW: "x",
    ...Object.fromEntries(AWS_CREDENTIAL_VARIABLES.map((name) => [name, "stale"])),
    UNSET: undefined,
  };

  it("drops every inherited credential setting, keeps the rest, sets the connection's", () => {
    const env = childEnv(parent, {
      credentials: { accessKeyId: "ASIA1", secretAccessKey: "s", sessionToken: "t", expiration: new Date(0) },
      region: "eu-west-1",
      endpoint: "http://localhost:4566",
    });
    expect(env).toEqual({
      PATH: "/bin",
      AWS_ACCESS_KEY_ID: "ASIA1",
      AWS_SECRET_ACCESS_KEY: "s",
      AWS_SESSION_TOKEN: "t",
      AWS_CREDENTIAL_EXPIRATION: "1970-01-01T00:00:00.000Z",
      AWS_REGION: "eu-west-1",
      AWS_DEFAULT_REGION: "eu-west-1",
      AWS_ENDPOINT_URL: "http://localhost:4566",
    });
    expect(parent.AWS_PROFILE).toBe("stale"); // the parent's object is not touched
  });

  it("--serve: the endpoint and token instead of keys; the inherited region stays when the connection has none", () => {
    const env = childEnv(parent, { container: { uri: "http://127.0.0.1:1/credentials/x", token: "tok" } });
    expect(Object.keys(env).sort()).toEqual(
      [
        "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_REGION",
        "PATH",
      ].sort(),
    );
    expect(env.AWS_REGION).toBe("ap-south-1");
  });

  it("a service endpoint goes to AWS_ENDPOINT_URL_<SERVICE>", () => {
    expect(childEnv({}, { endpoint: "http://e", service: "s3" })).toEqual({
      AWS_ENDPOINT_URL_S3: "http://e",
    });
  });

  it("knows the credential variables", () => {
    expect(isCredentialVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")).toBe(true);
    expect(isCredentialVariable("AWS_SESSION_TOKEN")).toBe(true);
    expect(isCredentialVariable("AWS_DEFAULT_REGION")).toBe(false);
    expect(isCredentialVariable("AWS_ENDPOINT_URL")).toBe(false);
  });
});

describe("defaultProfileWithKeys", () => {
  it("finds keys in [default] only", () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-creds-"));
    const file = join(dir, "credentials");
    const env = { AWS_SHARED_CREDENTIALS_FILE: file };
    expect(defaultProfileWithKeys(env)).toBeUndefined(); // no file
    writeFileSync(file, "[etl]\naws_access_key_id = AKIA\n[default]\nregion = x\n");
    expect(defaultProfileWithKeys(env)).toBeUndefined();
    writeFileSync(
      file,
      "[etl]\nregion = x\n[default]\naws_access_key_id = AKIA\naws_secret_access_key = s\n",
    );
    expect(defaultProfileWithKeys(env)).toBe(file);
    writeFileSync(file, "[ default ]\n  aws_access_key_id=AKIA\n[etl]\n");
    expect(defaultProfileWithKeys(env)).toBe(file);
  });
});

describe("endpoints and shadowing sources", () => {
  it("inherited AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SVC> are dropped; the connection's is set", () => {
    const parent = {
      AWS_ENDPOINT_URL: "http://a",
      AWS_ENDPOINT_URL_S3: "http://b",
      AWS_ENDPOINT_URLX: "kept",
    };
    expect(childEnv(parent, {})).toEqual({ AWS_ENDPOINT_URLX: "kept" });
    expect(childEnv(parent, { endpoint: "http://c", service: "sqs" })).toEqual({
      AWS_ENDPOINT_URLX: "kept",
      AWS_ENDPOINT_URL_SQS: "http://c",
    });
    expect(isEndpointVariable("AWS_ENDPOINT_URL_DYNAMODB")).toBe(true);
  });

  it("finds keys, credential_process, roles, web identity and SSO in the default profile of both files", () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-shadow-"));
    const env = {
      AWS_CONFIG_FILE: join(dir, "config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    };
    expect(shadowingSources(env)).toEqual([]);
    writeFileSync(
      env.AWS_CONFIG_FILE,
      "[default]\nregion = x\n[profile etl]\ncredential_process = awsconn\n",
    );
    expect(shadowingSources(env)).toEqual([]);
    writeFileSync(
      env.AWS_CONFIG_FILE,
      "[profile  default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = x\nweb_identity_token_file = /t\n",
    );
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, "[default] ; keys\naws_access_key_id=AKIA\n");
    expect(shadowingSources(env)).toEqual([
      `${env.AWS_CONFIG_FILE} [default] has role_arn, web_identity_token_file`,
      `${env.AWS_SHARED_CREDENTIALS_FILE} [default] has aws_access_key_id`,
    ]);
    // In the credentials file, "profile default" is not the default profile.
    writeFileSync(env.AWS_SHARED_CREDENTIALS_FILE, "[profile default]\naws_access_key_id=AKIA\n");
    expect(shadowingSources(env)).toHaveLength(1);
  });
});
