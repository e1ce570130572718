import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { credentialEnvLines, credentialProcessJson, endpointVariable } from "./formatCredentials.js";

const temporary = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "se'cr$et/+=",
  sessionToken: "tok en'\"`",
  expiration: new Date("2030-01-02T03:04:05.000Z"),
  region: "eu-west-1",
  endpoint: "http://127.0.0.1:5000",
};

describe("credentialProcessJson", () => {
  it("has Version 1 and the keys; SessionToken and Expiration only for temporary credentials", () => {
    expect(credentialProcessJson({ accessKeyId: "AKIA", secretAccessKey: "s" })).toStrictEqual({
      Version: 1,
      AccessKeyId: "AKIA",
      SecretAccessKey: "s",
    });
    const t = credentialProcessJson(temporary);
    expect(t.SessionToken).toBe(temporary.sessionToken);
    expect(t.Expiration).toBe("2030-01-02T03:04:05.000Z");
  });
});

describe("credentialEnvLines", () => {
  it("sets exactly the values when eval'ed by sh", () => {
    const script = `${credentialEnvLines(temporary).join("\n")}\nenv | grep -E '^AWS_' | sort`;
    const out = execFileSync("sh", ["-c", script], { encoding: "utf8", env: { PATH: process.env.PATH } });
    expect(out.trim().split("\n")).toEqual(
      [
        `AWS_ACCESS_KEY_ID=${temporary.accessKeyId}`,
        "AWS_CREDENTIAL_EXPIRATION=2030-01-02T03:04:05.000Z",
        "AWS_DEFAULT_REGION=eu-west-1",
        `AWS_ENDPOINT_URL=${temporary.endpoint}`,
        "AWS_REGION=eu-west-1",
        `AWS_SECRET_ACCESS_KEY=${temporary.secretAccessKey}`,
        `AWS_SESSION_TOKEN=${temporary.sessionToken}`,
      ].sort(),
    );
  });

  it("clears a stale session token for static keys", () => {
    const script = `${credentialEnvLines({ accessKeyId: "AKIA", secretAccessKey: "s" }).join("\n")}\necho "[\${AWS_SESSION_TOKEN-unset}]"`;
    const out = execFileSync("sh", ["-c", script], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, AWS_SESSION_TOKEN: "stale" },
    });
    expect(out.trim()).toBe("[unset]");
  });

  it("names the per-service endpoint variable the SDKs read", () => {
    expect(endpointVariable("secrets manager")).toBe("AWS_ENDPOINT_URL_SECRETS_MANAGER");
    expect(endpointVariable("s3")).toBe("AWS_ENDPOINT_URL_S3");
    expect(endpointVariable()).toBe("AWS_ENDPOINT_URL");
  });
});
