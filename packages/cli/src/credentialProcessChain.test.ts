import { ConfigError, SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import {
  CREDENTIAL_PROCESS_CHAIN_VAR as VAR,
  enterCredentialProcess,
  loopFailure,
  MAX_CREDENTIAL_PROCESS_DEPTH,
} from "./credentialProcessChain.js";

describe("enterCredentialProcess", () => {
  it("adds the id to the chain its children inherit; another id below is allowed", () => {
    const env: Record<string, string | undefined> = {};
    enterCredentialProcess("aws_default", env);
    expect(env[VAR]).toBe("aws_default");
    enterCredentialProcess("other", env); // a connection whose profile_name runs awsconn for another id
    expect(env[VAR]).toBe("aws_default,other");
  });

  it("the same id again is the loop: a ConfigError naming the chain, the profile and the way out", () => {
    const env = { [VAR]: "aws_default", AWS_PROFILE: "etl" };
    const error = (() => {
      try {
        enterCredentialProcess("aws_default", env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^credential_process loop: /);
    expect((error as Error).message).toContain('"aws_default" -> "aws_default"');
    expect((error as Error).message).toContain('profile "etl" (AWS_PROFILE)');
    expect((error as Error).message).toContain("env -u AWS_PROFILE");
    expect(env[VAR]).toBe("aws_default"); // unchanged
  });

  it(`refuses below ${MAX_CREDENTIAL_PROCESS_DEPTH} levels even for new ids; without AWS_PROFILE names the source's profile`, () => {
    const env = { [VAR]: "a,b,c" };
    expect(() => enterCredentialProcess("d", env)).toThrow(/a source's `profile:`, else \[default\]/);
  });
});

describe("loopFailure", () => {
  it("finds a nested refusal inside the parent's SourceError (or its causes), not this process's own", () => {
    const nested = new Error('profile "etl": credential_process failed: error: credential_process loop: ...');
    const wrapped = new SourceError("GetSecretValue failed", { source: "secretsmanager", cause: nested });
    expect(loopFailure(wrapped, { AWS_PROFILE: "etl" })).toMatch(/^credential_process loop: .*profile "etl"/);
    expect(loopFailure(new SourceError("denied", { source: "ssm" }), {})).toBeUndefined();
    expect(loopFailure(new ConfigError("credential_process loop: own refusal"), {})).toBeUndefined();
  });
});
