import {
  type ConnectionSource,
  ConnectionFormatError,
  createConnection,
  InvalidConnIdError,
  parseConnectionJson,
  type SourceHit,
  validateConnId,
} from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONTRACT_SEED } from "./defaultContractSeed.js";
import { describeConnectionSource } from "./describeConnectionSource.js";
import { expectAbortBeforeLookup } from "./expectAbortBeforeLookup.js";
import { expectNoSecretShown } from "./expectNoSecretShown.js";
import { expectRefusesInvalidIds } from "./expectRefusesInvalidIds.js";
import type { SeedConnection } from "./SeedConnection.js";
import { seededSecrets } from "./seededSecrets.js";

// The smallest honest source: Airflow JSON values in a map, every refusal before any read.
function memorySource(values: Map<string, string>) {
  let reads = 0;
  const source: ConnectionSource = {
    name: "memory",
    remote: false,
    async get(connId, options) {
      options?.signal?.throwIfAborted();
      validateConnId(connId);
      reads++;
      const value = values.get(connId);
      if (value === undefined) return undefined;
      const hit: SourceHit = { connection: parseConnectionJson(value, connId), origin: `memory:${connId}` };
      return hit;
    },
    async *list(options) {
      options?.signal?.throwIfAborted();
      reads++;
      yield* values.keys();
    },
  };
  return { source, lookups: () => reads };
}

function jsonValues(seed: readonly SeedConnection[]): Map<string, string> {
  return new Map(
    seed.map((c) => {
      const { connId: _id, connType, ...rest } = createConnection(c);
      return [c.connId, JSON.stringify({ conn_type: connType, ...rest })];
    }),
  );
}

describeConnectionSource(
  "an in-memory source",
  (seed) => memorySource(jsonValues(seed)),
  DEFAULT_CONTRACT_SEED,
  {
    makeCorruptSource: (seed) =>
      memorySource(
        new Map(seed.map((c) => [c.connId, JSON.stringify({ ...c, extra: undefined, port: 99999 })])),
      ),
  },
);

describe("the helpers", () => {
  const secrets = seededSecrets(DEFAULT_CONTRACT_SEED);

  it("seededSecrets finds passwords and secret-looking extras", () => {
    expect(secrets).toEqual(["planted-Secret/Value+1", "planted-session-token-2", "planted-pg-pass-3"]);
  });

  it("expectNoSecretShown fails when a secret shows in a message or a cause", () => {
    expect(() => expectNoSecretShown(new Error(`bad ${secrets[0]}`), secrets)).toThrow();
    const nested = new Error("outer", { cause: new Error(`inner ${secrets[1]}`) });
    expect(() => expectNoSecretShown(nested, secrets)).toThrow();
    expectNoSecretShown(new ConnectionFormatError("memory:x: port out of range"), secrets);
  });

  it("expectRefusesInvalidIds fails for a source that looks an invalid id up", async () => {
    const { source, lookups } = memorySource(new Map());
    await expectRefusesInvalidIds((id) => source.get(id), { lookups });
    const sloppy = async (id: string) => {
      if (id === "../x") return undefined;
      throw new InvalidConnIdError(id, "refused by the test");
    };
    await expect(expectRefusesInvalidIds(sloppy)).rejects.toThrow(/InvalidConnIdError/);
  });

  it("expectAbortBeforeLookup fails for a source that ignores the signal", async () => {
    const { source, lookups } = memorySource(new Map([["a", "{}"]]));
    await expectAbortBeforeLookup((signal) => source.get("a", { signal }), lookups);
    await expect(expectAbortBeforeLookup(async () => undefined)).rejects.toThrow();
  });
});
