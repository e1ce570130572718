import { isDeepStrictEqual } from "node:util";
import {
  type Connection,
  connectionToJson,
  connectionToUri,
  parseConnectionJson,
  parseConnectionUri,
} from "@awsconn/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validConnection, validJsonConnection } from "./support/arbitraries.js";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);

/** The plain fields (accessors read, extra copied), for a deep comparison. */
const plain = (c: Connection) => ({ ...c, extra: { ...c.extra } });

describe("URI round trip (fast-check)", () => {
  it(`parseConnectionUri(connectionToUri(c)) equals c for ${RUNS} valid connections`, () => {
    let checked = 0;
    fc.assert(
      fc.property(validConnection, (c) => {
        const back = parseConnectionUri(connectionToUri(c), c.connId);
        checked++;
        return isDeepStrictEqual(plain(back), plain(c));
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThanOrEqual(RUNS);
  });
});

describe("JSON round trip (fast-check)", () => {
  it(`parseConnectionJson(connectionToJson(c)) equals c for ${RUNS} valid connections, as object and as text`, () => {
    fc.assert(
      fc.property(validJsonConnection, (c) => {
        const json = connectionToJson(c);
        const fromObject = parseConnectionJson({ ...json }, c.connId);
        const fromText = parseConnectionJson(JSON.stringify(json), c.connId);
        return isDeepStrictEqual(plain(fromObject), plain(c)) && isDeepStrictEqual(plain(fromText), plain(c));
      }),
      { numRuns: RUNS },
    );
  });
});
