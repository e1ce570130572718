import { spawn } from "node:child_process";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";
import { foreignErrorMessage, redactForeignError, WITHHELD_MESSAGE } from "./redactForeignError.js";

const SECRET = "PLANTEDfe9c1";

function shown(value: unknown): string {
  return [
    inspect(value, { depth: 10, showHidden: true }),
    String((value as Error)?.stack),
    JSON.stringify(value),
  ].join("\n");
}

describe("redactForeignError: the one policy for a kept cause", () => {
  it("an AWS SDK error is redacted in place: known secrets, URI passwords, key ids, raw answers, its causes", () => {
    const inner = new Error(`socket to postgres://u:${SECRET}@h failed`);
    const sdk = Object.assign(
      new Error(`The security token AKIAABCDEFGHIJKLMNOP with ${SECRET} is invalid`),
      {
        name: "InvalidClientTokenId",
        $metadata: { httpStatusCode: 403 },
        $response: { body: SECRET },
        cause: inner,
      },
    );
    const kept = redactForeignError(sdk, { secrets: [SECRET] });
    expect(kept).toBe(sdk);
    expect(shown(kept)).not.toContain(SECRET);
    expect(shown(kept)).not.toContain("AKIAABCDEFGHIJKLMNOP");
    expect((kept as Error).message).toContain("is invalid");
  });

  it("a SyntaxError's message (V8 quotes the text) is withheld", () => {
    const error = Object.assign(
      new SyntaxError(`Unexpected token 'x', "{"p":"${SECRET}"... is not valid JSON`),
      {
        $metadata: { httpStatusCode: 502 },
      },
    );
    expect(shown(redactForeignError(error))).not.toContain(SECRET);
    expect((error as Error).message).toBe(WITHHELD_MESSAGE);
  });

  it("another foreign error is kept when clean, dropped (not changed) when it quotes a secret", () => {
    const clean = new Error("connect ECONNREFUSED 127.0.0.1:4566");
    expect(redactForeignError(clean)).toBe(clean);
    const quoting = new Error(`bad value ${SECRET}`);
    expect(redactForeignError(quoting, { secrets: [SECRET] })).toBeUndefined();
    expect(quoting.message).toContain(SECRET); // not ours to change
  });

  it("withhold: a plugin's error becomes a summary (name, code, frames), the original untouched", () => {
    const own = Object.assign(new TypeError(`boom ${SECRET}`), { code: "E_PLUGIN" });
    const summary = redactForeignError(own, { withhold: true }) as Error & { code?: string };
    expect(summary).not.toBe(own);
    expect(summary).toMatchObject({ name: "TypeError", code: "E_PLUGIN", message: WITHHELD_MESSAGE });
    expect(shown(summary)).not.toContain(SECRET);
    expect(own.message).toContain(SECRET);
  });

  it("awsconn errors pass as they are", () => {
    const error = new ConfigError("x");
    expect(redactForeignError(error, { withhold: true })).toBe(error);
  });
});

describe("foreignErrorMessage", () => {
  it("cuts the value Node's spawn error quotes (a password with a NUL byte)", () => {
    let error: unknown;
    try {
      spawn("true", [], { env: { PGPASSWORD: `${SECRET}\u0000x` } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const message = foreignErrorMessage(error);
    expect(message).toContain("must be a string without null bytes");
    expect(message).not.toContain(SECRET);
  });
});
