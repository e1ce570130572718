import { describe, expect, it } from "vitest";
import {
  compileLookupPattern,
  isRetryableAwsError,
  toSourceError,
  trimPrefix,
} from "@awsconn/aws-source-common";
import { secretIdFor } from "./secretIdFor.js";
import { standardizeSecretKeys } from "./standardizeSecretKeys.js";

describe("standardizeSecretKeys", () => {
  it("takes, per field, the first alias in the secret's own key order and drops other keys", () => {
    expect(standardizeSecretKeys({ username: "a", login: "b", description: "d", dbname: "x" })).toEqual({
      login: "a",
    });
    expect(standardizeSecretKeys({ conn_id: "mysql", conn_type: "postgres" })).toEqual({
      conn_type: "mysql",
    });
  });

  it("a null value for the first alias means the field is absent, not the next alias", () => {
    expect(standardizeSecretKeys({ user: null, login: "b" })).toEqual({});
  });

  it("adds extraConnWords, with user as login", () => {
    expect(standardizeSecretKeys({ usr: "u", pwd: "p" }, { user: ["usr"], password: ["pwd"] })).toEqual({
      login: "u",
      password: "p",
    });
  });
});

describe("secret ids", () => {
  it("trims trailing characters of sep like Python's rstrip", () => {
    expect(trimPrefix("a/b///", "/")).toBe("a/b");
    expect(trimPrefix("conn-:", "-:")).toBe("conn");
    expect(trimPrefix("airflow", "")).toBe("airflow");
    expect(trimPrefix(null, "/")).toBe("");
    expect(secretIdFor("", "/", "x")).toBe("x");
    expect(secretIdFor("p", "", "x")).toBe("px");
  });

  it("matches lookupPattern case-insensitively at the start only", () => {
    const m = compileLookupPattern("aws");
    expect([m("aws_default"), m("AWS_x"), m("my_aws"), m("x")]).toEqual([true, true, false, false]);
    expect(compileLookupPattern("")("anything")).toBe(true);
    expect(() => compileLookupPattern("(")).toThrow(/lookupPattern/);
  });
});

describe("toSourceError", () => {
  it("classifies retryable errors and scrubs secrets from the message", async () => {
    const throttled = Object.assign(new Error("slow down"), { name: "ThrottlingException", $metadata: {} });
    const denied = Object.assign(new Error("no"), {
      name: "AccessDeniedException",
      $metadata: { httpStatusCode: 400 },
    });
    const fault = Object.assign(new Error("boom"), { name: "Whatever", $metadata: { httpStatusCode: 503 } });
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(await Promise.all([throttled, denied, fault, refused].map(isRetryableAwsError))).toEqual([
      true,
      false,
      true,
      true,
    ]);
    const error = await toSourceError(new Error("bad value hunter2"), {
      source: "secretsmanager",
      what: 'PutSecretValue "x"',
      secrets: ["hunter2"],
    });
    expect(error.message).not.toContain("hunter2");
    expect(error.cause).toBeUndefined();
  });
});
