import { describe, expect, test, vi } from "vitest";
import * as errors from "./errors.js";

/** A second, separate copy of errors.ts: what the CommonJS build is beside the ES module one. */
async function otherCopy(): Promise<typeof errors> {
  vi.resetModules();
  const copy = await import("./errors.js");
  expect(copy.AwsconnError).not.toBe(errors.AwsconnError);
  return copy;
}

describe("the error family across copies of @awsconn/core (dual-package hazard)", () => {
  test("an error from the other copy is instanceof its class and AwsconnError here, and isAwsconnError", async () => {
    const other = await otherCopy();
    const made = [
      [new other.ConnectionNotFoundError("x"), errors.ConnectionNotFoundError],
      [new other.ConnectionFormatError("bad port"), errors.ConnectionFormatError],
      [new other.SourceError("timed out", { source: "ssm" }), errors.SourceError],
      [new other.ConfigError("bad key"), errors.ConfigError],
      [new other.InvalidConnIdError("../x", "a .. segment"), errors.InvalidConnIdError],
    ] as const;
    for (const [error, here] of made) {
      expect(error instanceof here, `${error.name} instanceof ${here.name}`).toBe(true);
      expect(error instanceof errors.AwsconnError).toBe(true);
      expect(errors.isAwsconnError(error)).toBe(true);
      expect(other.isAwsconnError(new errors.ConfigError("x"))).toBe(true);
    }
  });

  test("the brand does not make one family class match another", async () => {
    const other = await otherCopy();
    const notFound = new other.ConnectionNotFoundError("x");
    expect(notFound instanceof errors.SourceError).toBe(false);
    expect(notFound instanceof errors.ConfigError).toBe(false);
    expect(new errors.SourceError("x", { source: "ssm" }) instanceof errors.ConnectionNotFoundError).toBe(
      false,
    );
  });

  test("a user's subclass keeps the plain prototype-chain instanceof", async () => {
    const other = await otherCopy();
    class WarehouseMissing extends errors.ConnectionNotFoundError {}
    expect(new WarehouseMissing("warehouse") instanceof WarehouseMissing).toBe(true);
    expect(new WarehouseMissing("warehouse") instanceof errors.ConnectionNotFoundError).toBe(true);
    expect(new other.ConnectionNotFoundError("x") instanceof WarehouseMissing).toBe(false);
    expect(new errors.ConnectionNotFoundError("x") instanceof WarehouseMissing).toBe(false);
  });

  test("foreign values are not awsconn errors, and the brand is not a visible field", () => {
    for (const value of [new Error("x"), { code: "NOT_FOUND" }, null, undefined, "NOT_FOUND", 3]) {
      expect(errors.isAwsconnError(value)).toBe(false);
      expect(value instanceof errors.ConnectionNotFoundError).toBe(false);
    }
    const error = new errors.ConnectionNotFoundError("x", ["env"]);
    expect(Object.keys(error)).not.toContain("Symbol(awsconn.error)");
    expect(error.toJSON()).toEqual({
      name: "ConnectionNotFoundError",
      code: "NOT_FOUND",
      message: 'connection "x" not found in any source (looked in: env)',
      connId: "x",
      sources: ["env"],
    });
  });
});
