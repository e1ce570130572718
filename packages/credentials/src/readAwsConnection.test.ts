// Extra values Python calls false, and non-string methods: found by the seeded random vectors
// (conformance/vectors/aws_connection_wrapper_fuzz.json), each checked against the real AwsConnectionWrapper.
import { createConnection } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { extraObject, extraString, pythonFalsy } from "./extraValue.js";
import { readAwsConnection } from "./readAwsConnection.js";

const ROLE = "arn:aws:iam::123456789012:role/etl";
const read = (extra: Record<string, unknown>, fields: { login?: string; password?: string } = {}) =>
  readAwsConnection(createConnection({ connId: "aws_default", connType: "aws", ...fields, extra }));

describe("Python truthiness of extra values", () => {
  it.each([[null], [undefined], [false], [0], [""], [[]], [{}]])("%j is false", (v) => {
    expect(pythonFalsy(v)).toBe(true);
  });
  it.each([[" "], ["0"], [1], [true], [[0]], [{ a: null }]])("%j is true", (v) => {
    expect(pythonFalsy(v)).toBe(false);
  });

  it("extraString and extraObject read a false value as absent", () => {
    expect(extraString({ k: 0 }, "k")).toBeUndefined();
    expect(extraString({ k: false }, "k")).toBeUndefined();
    expect(extraString({ k: [] }, "k")).toBeUndefined();
    expect(extraString({ k: true }, "k")).toBe("true");
    expect(extraObject({ k: [] }, "k")).toBeUndefined();
    expect(extraObject({ k: 0 }, "k")).toBeUndefined();
  });

  // Airflow: `if role_arn:` (role_arn 0 gives no role; awsconn assumed the role "0").
  it.each([[0], [false], [[]], [{}]])("role_arn %j means no role", (roleArn) => {
    const s = read({ role_arn: roleArn, assume_role_method: "assume_role" });
    expect(s.roleArn).toBeUndefined();
    expect(s.assumeRoleMethod).toBeUndefined();
  });

  // Airflow: `config_kwargs` is only used when truthy; `assume_role_kwargs or {}`; `session_kwargs or {}`.
  it("false config_kwargs, assume_role_kwargs and session_kwargs are ignored, not refused", () => {
    expect(read({ config_kwargs: [] }).configKwargs).toBeUndefined();
    expect(read({ config_kwargs: 0 }).configKwargs).toBeUndefined();
    expect(read({ role_arn: ROLE, assume_role_kwargs: [] }).assumeRoleKwargs).toEqual({});
    expect(read({ role_arn: ROLE, assume_role_kwargs: 0 }).assumeRoleKwargs).toEqual({});
    expect(read({ session_kwargs: [] }).accessKeyId).toBeUndefined();
  });

  // Airflow: `elif aws_access_key_id and aws_secret_access_key` on the raw values.
  it("a key id of 0 is no key id: the session_kwargs pair is used", () => {
    const s = read({
      aws_access_key_id: 0,
      aws_secret_access_key: "S",
      session_kwargs: { aws_access_key_id: "SKA", aws_secret_access_key: "SKS" },
    });
    expect([s.accessKeyId, s.secretAccessKey, s.keysFrom]).toEqual(["SKA", "SKS", "session_kwargs"]);
  });
});

describe("assume_role_method", () => {
  // Airflow: `assume_role_method not in supported_methods`: a list holding a method name is not one.
  it.each([[["assume_role"]], [1], [true], [null]])("%j is not a method", (method) => {
    expect(() => read({ role_arn: ROLE, assume_role_method: method })).toThrow(
      /is not supported; use one of: assume_role, assume_role_with_saml, assume_role_with_web_identity/,
    );
  });
  it("the exact string is", () => {
    expect(read({ role_arn: ROLE, assume_role_method: "assume_role_with_saml" }).assumeRoleMethod).toBe(
      "assume_role_with_saml",
    );
  });
});
