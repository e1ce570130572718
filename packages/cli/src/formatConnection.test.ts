import { createConnection, parseConnectionUri } from "@awsconn/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { connectionOutputJson, connectionText, displayUri } from "./formatConnection.js";

const secret = fc.string({ minLength: 1, maxLength: 20 }).map((s) => `SECRET${s}`);

describe("displayUri", () => {
  it("with showSecrets the URI parses back to the same connection; without, no secret is left (property)", () => {
    fc.assert(
      fc.property(secret, secret, fc.boolean(), (password, token, nested) => {
        const extra: Record<string, unknown> = nested
          ? { region_name: "eu-west-1", deep: { aws_session_token: token, n: 1 } }
          : { region_name: "eu-west-1", aws_session_token: token };
        const c = createConnection({
          connId: "x",
          connType: "aws",
          login: "AKIA",
          password,
          host: "h",
          schema: "db",
          extra,
        });
        const back = parseConnectionUri(displayUri(c, true), "x");
        expect({ ...back }).toEqual({ ...c });
        const shown = displayUri(c, false);
        // Both secrets start with SECRET, which no encoding changes; nothing else in the URI has it.
        expect(shown).not.toContain("SECRET");
        expect(shown).toContain(":***@");
        expect(decodeURIComponent(shown)).toContain("***");
      }),
      { numRuns: 60 },
    );
  });
});

describe("connectionOutputJson / connectionText", () => {
  const c = createConnection({
    connId: "wh",
    connType: "postgres",
    host: "",
    login: "etl",
    password: "pw",
    port: 5432,
    extra: { token: "t", sslmode: "require" },
  });

  it("redacts unless asked, and always carries source and origin", () => {
    expect(connectionOutputJson(c, { source: "env", origin: "env:X" }, false)).toStrictEqual({
      conn_id: "wh",
      conn_type: "postgres",
      description: null,
      host: "",
      login: "etl",
      password: "***",
      schema: null,
      port: 5432,
      extra: { token: "***", sslmode: "require" },
      source: "env",
      origin: "env:X",
    });
    expect(connectionOutputJson(c, {}, true).password).toBe("pw");
  });

  it('prints one aligned row per present field; an empty host or schema ("not given") is left out', () => {
    const text = connectionText(connectionOutputJson(c, { source: "env" }, false));
    expect(text.split("\n")).toEqual([
      "conn_id    wh",
      "conn_type  postgres",
      "login      etl",
      "password   ***",
      "port       5432",
      'extra      {"token":"***","sslmode":"require"}',
      "source     env",
    ]);
  });

  it('an empty login still shows as "" (the Task SDK keeps it)', () => {
    const text = connectionText(connectionOutputJson({ ...c, login: "" }, { source: "env" }, false));
    expect(text).toMatch(/^login\s+""$/m);
  });
});
