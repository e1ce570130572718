// Property: what connectionToUri writes, parseConnectionUri reads back unchanged (Airflow's own
// get_uri() / Connection(uri=...) round trip), for arbitrary Unicode text in every encoded part.
import fc from "fast-check";
import { expect, test } from "vitest";
import { connectionToJson } from "./connectionToJson.js";
import { connectionToUri } from "./connectionToUri.js";
import { createConnection } from "./createConnection.js";
import { parseConnectionJson } from "./parseConnectionJson.js";
import { parseConnectionUri } from "./parseConnectionUri.js";

const text = fc.string({ unit: "grapheme", maxLength: 12 });
const nonEmpty = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 });
// Query values that are JSON become JSON values in Airflow 3 ("1" -> 1), so keep values non-JSON.
const extraValue = text.map((s) => `x${s}`);
const extraKey = text.filter((k) => k !== "__extra__");

const connection = fc.record({
  connType: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
  login: text,
  password: nonEmpty,
  host: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/),
  port: fc.integer({ min: 1, max: 65535 }),
  schema: nonEmpty,
  extra: fc.dictionary(extraKey, extraValue, { maxKeys: 4 }),
});

test("parseConnectionUri(connectionToUri(c)) gives c back", () => {
  fc.assert(
    fc.property(connection, (fields) => {
      const c = createConnection({ connId: "rt", ...fields });
      const back = parseConnectionUri(connectionToUri(c), "rt");
      expect({ ...back }).toEqual({ ...c });
    }),
    { numRuns: 500 },
  );
}, 30_000);

test("parseConnectionJson(connectionToJson(c)) gives c back, nested extras included", () => {
  // JSON text cannot carry -0, so compare with what JSON itself keeps.
  const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
  const nested = fc.dictionary(text, json, { maxKeys: 4 });
  fc.assert(
    fc.property(connection, nested, (fields, extra) => {
      const c = createConnection({ connId: "rt", ...fields, extra });
      const back = parseConnectionJson(JSON.stringify(connectionToJson(c)), "rt");
      expect({ ...back }).toEqual({ ...c });
    }),
    { numRuns: 300 },
  );
}, 30_000);
