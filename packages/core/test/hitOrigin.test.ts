import { describe, expect, it } from "vitest";
import { type SourceHit, hitOrigin, hitWithOrigin, parseConnectionUri } from "../src/index.js";

const connection = parseConnectionUri("aws://AKIDEXAMPLE:s3cr3t@", "aws_default");
const origin = hitOrigin(
  (hit) => `secretsmanager:airflow/connections/${hit.connection.connId}@${hit.version}`,
);

describe("hitWithOrigin", () => {
  it("a HitOrigin is an own enumerable field to spreading, JSON.stringify and deep equality", () => {
    const hit = hitWithOrigin(connection, "v1", origin);
    const expected = {
      connection,
      origin: "secretsmanager:airflow/connections/aws_default@v1",
      version: "v1",
    };
    expect(hit).toEqual(expected);
    expect({ ...hit }).toEqual(expected);
    expect(Object.keys(hit).sort()).toEqual(["connection", "origin", "version"]);
    expect(JSON.parse(JSON.stringify(hit)).origin).toBe(expected.origin);
  });

  it("builds the text when read, and keeps none: no data field holds it", () => {
    const hit = hitWithOrigin(connection, "v1", origin);
    const descriptor = Object.getOwnPropertyDescriptor(hit, "origin");
    expect(descriptor?.get).toBe(origin.get);
    expect(descriptor && "value" in descriptor).toBe(false);
    expect(() => {
      (hit as { origin: string }).origin = "elsewhere";
    }).toThrow(TypeError);
  });

  it("hits with the same HitOrigin share one getter; `version` undefined is left out", () => {
    const a = hitWithOrigin(connection, undefined, origin);
    const b = hitWithOrigin(connection, undefined, origin);
    expect(Object.getOwnPropertyDescriptor(a, "origin")?.get).toBe(
      Object.getOwnPropertyDescriptor(b, "origin")?.get,
    );
    expect("version" in a).toBe(false);
    expect(a.origin).toBe("secretsmanager:airflow/connections/aws_default@undefined");
  });

  it("a string origin is a plain data field", () => {
    const hit: SourceHit = hitWithOrigin(connection, undefined, "file:conns.yaml:3");
    expect(hit).toStrictEqual({ connection, origin: "file:conns.yaml:3" });
    expect(hitWithOrigin(connection, "7", "ssm:/a#7")).toStrictEqual({
      connection,
      origin: "ssm:/a#7",
      version: "7",
    });
  });
});
