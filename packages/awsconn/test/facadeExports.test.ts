import * as core from "@awsconn/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as awsconn from "../src/index.js";
import type { Connection, ConnectionSource, SourceHit } from "../src/index.js";

const facade: Record<string, unknown> = { ...awsconn };
const building: Record<string, unknown> = { ...core };

describe("the facade re-exports what its users handle", () => {
  it.each([
    "AwsconnError",
    "ConnectionNotFoundError",
    "ConnectionFormatError",
    "SourceError",
    "ConfigError",
    "InvalidConnIdError",
    "isAwsconnError",
    "validateConnId",
    "redactConnection",
    "REDACTED",
    "connectionToUri",
    "connectionToJson",
  ] as const)("%s, the very object of @awsconn/core", (name) => {
    expect(facade[name]).toBe(building[name]);
  });

  it("the types of connections and sources", () => {
    expectTypeOf<Connection>().toEqualTypeOf<core.Connection>();
    expectTypeOf<ConnectionSource>().toEqualTypeOf<core.ConnectionSource>();
    expectTypeOf<SourceHit>().toEqualTypeOf<core.SourceHit>();
  });

  it("a not-found error from a resolver is the re-exported class", async () => {
    const resolver = awsconn.createResolver({ sources: [{ type: "env" }] });
    const error = await resolver.get("nowhere_to_be_found").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(awsconn.ConnectionNotFoundError);
    expect(awsconn.isAwsconnError(error)).toBe(true);
  });
});
