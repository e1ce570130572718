import type { Connection, ConnectionSource, SourceHit } from "@awsconn/core";
import { ConnectionFormatError, InvalidConnIdError } from "@awsconn/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CONTRACT_SEED } from "./defaultContractSeed.js";
import { expectAbortBeforeLookup } from "./expectAbortBeforeLookup.js";
import { expectNoSecretShown } from "./expectNoSecretShown.js";
import { INVALID_CONN_IDS } from "./invalidConnIds.js";
import type { SeedConnection } from "./SeedConnection.js";
import { seededSecrets } from "./seededSecrets.js";

/**
 * What a source factory given to {@link describeConnectionSource} may return: the source alone,
 * or with a lookup counter and a cleanup.
 *
 * @example
 * ```ts
 * const subject: ContractSubject = { source, lookups: () => calls, cleanup: () => rm(dir, { recursive: true }) };
 * ```
 */
export type ContractSubject =
  | ConnectionSource
  | {
      /** The source under test. */
      source: ConnectionSource;
      /**
       * How many backend lookups the source has made so far (reads of the environment, file
       * checks, AWS calls). When given, the suite proves that invalid ids and aborted signals
       * are refused before any lookup.
       */
      lookups?: () => number;
      /** Called after each test (remove temp files, close clients). */
      cleanup?: () => void | Promise<void>;
    };

/**
 * Options of {@link describeConnectionSource}.
 *
 * @example
 * ```ts
 * { makeCorruptSource: (seed) => mySourceHolding(seed.map((c) => ({ ...c, port: 99999 }))) }
 * ```
 */
export interface ContractOptions {
  /**
   * Makes a source whose stored data for the seeded ids is malformed but still contains the
   * seeded secrets. When given, the suite checks that the resulting `ConnectionFormatError`
   * never shows a secret.
   */
  makeCorruptSource?: (seed: readonly SeedConnection[]) => ContractSubject | Promise<ContractSubject>;
}

function shownId(id: string): string {
  const cut = id.length > 20 ? `${id.slice(0, 20)}…` : id;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function plain(connection: SeedConnection | Connection): Record<string, unknown> {
  const out: Record<string, unknown> = { extra: {} };
  for (const [k, v] of Object.entries(connection)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * The `ConnectionSource` contract: the same behaviour tests, run against every source.
 *
 * `makeSource(seed)` returns (possibly async) a source holding exactly the seeded connections;
 * it is called afresh for each test. The suite checks: a missing id gives `undefined`; a hit
 * carries the seeded fields and a non-empty origin; invalid ids (`../x`, empty, 251 characters,
 * control characters) are refused with `InvalidConnIdError` before any lookup; concurrent gets of
 * one id agree; an already-aborted signal rejects with its reason before any lookup; no printed
 * hit or error shows a seeded secret; `getMany`, `list` and `put` are functions when present and
 * `remote` a boolean; `getMany()`, when present, returns exactly the seeded ids asked for (and
 * refuses an invalid id); `list()`, when present, yields the seeded ids and honours an aborted
 * signal; with `makeCorruptSource`, malformed data is a `ConnectionFormatError` that shows no secret.
 *
 * @example
 * ```ts
 * import { describeConnectionSource, DEFAULT_CONTRACT_SEED } from "@awsconn/source-kit";
 * describeConnectionSource("env", (seed) => fromEnv({ env: toEnv(seed) }), DEFAULT_CONTRACT_SEED);
 * ```
 */
export function describeConnectionSource(
  name: string,
  makeSource: (seed: readonly SeedConnection[]) => ContractSubject | Promise<ContractSubject>,
  seed: readonly SeedConnection[] = DEFAULT_CONTRACT_SEED,
  options: ContractOptions = {},
): void {
  const secrets = seededSecrets(seed);
  const missingId = "awsconn_contract_missing_id";

  describe(`ConnectionSource contract: ${name}`, () => {
    let source: ConnectionSource;
    let lookups: (() => number) | undefined;
    let cleanup: (() => void | Promise<void>) | undefined;

    async function open(factory: typeof makeSource): Promise<void> {
      const made = await factory(seed);
      if ("get" in made && typeof made.get === "function") {
        source = made as ConnectionSource;
        lookups = undefined;
        cleanup = undefined;
      } else {
        const subject = made as Exclude<ContractSubject, ConnectionSource>;
        source = subject.source;
        lookups = subject.lookups;
        cleanup = subject.cleanup;
      }
    }

    beforeEach(async () => open(makeSource));
    afterEach(async () => {
      await cleanup?.();
    });

    it("is seeded with at least one connection and one planted secret", () => {
      expect(seed.length).toBeGreaterThan(0);
      expect(secrets.length).toBeGreaterThan(0);
      expect(seed.some((c) => c.connId === missingId)).toBe(false);
      expect(typeof source.name).toBe("string");
      expect(source.name.length).toBeGreaterThan(0);
    });

    it("declares its optional parts with the right types", () => {
      for (const method of ["getMany", "list", "put"] as const)
        expect(["undefined", "function"], method).toContain(typeof source[method]);
      expect(["undefined", "boolean"], "remote").toContain(typeof source.remote);
    });

    it("returns undefined for an id it does not hold", async () => {
      await expect(source.get(missingId)).resolves.toBeUndefined();
    });

    it("returns each seeded connection with its fields and a non-empty origin", async () => {
      for (const expected of seed) {
        const hit = await source.get(expected.connId);
        expect(hit, `hit for ${expected.connId}`).toBeDefined();
        expect(plain((hit as SourceHit).connection)).toEqual(plain(expected));
        expect(typeof hit?.origin).toBe("string");
        expect(hit?.origin.length).toBeGreaterThan(0);
      }
    });

    it.each(INVALID_CONN_IDS.map((id) => [shownId(id), id]))(
      "refuses the invalid id %s with InvalidConnIdError before any lookup",
      async (_shown, id) => {
        const before = lookups?.();
        const error = await source.get(id as string).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidConnIdError);
        if (lookups) expect(lookups()).toBe(before);
        expectNoSecretShown(error, secrets);
      },
    );

    it("gives the same answer to concurrent gets of one id", async () => {
      const first = seed[0] as SeedConnection;
      const hits = await Promise.all(Array.from({ length: 25 }, () => source.get(first.connId)));
      for (const hit of hits) {
        expect(hit).toBeDefined();
        expect(plain((hit as SourceHit).connection)).toEqual(plain(first));
        expect(hit?.origin).toBe(hits[0]?.origin);
      }
      const misses = await Promise.all(Array.from({ length: 10 }, () => source.get(missingId)));
      expect(misses.every((m) => m === undefined)).toBe(true);
    });

    it("rejects with the reason of an already-aborted signal, before any lookup", async () => {
      for (const id of [(seed[0] as SeedConnection).connId, missingId]) {
        await expectAbortBeforeLookup((signal) => source.get(id, { signal }), lookups);
      }
    });

    it("never shows a seeded secret when a hit is printed", async () => {
      for (const c of seed) {
        const hit = await source.get(c.connId);
        expectNoSecretShown(hit, secrets);
        expectNoSecretShown(hit?.connection, secrets);
      }
    });

    if (options.makeCorruptSource) {
      const makeCorrupt = options.makeCorruptSource;
      it("reports malformed data as ConnectionFormatError without a seeded secret", async () => {
        await cleanup?.();
        await open(makeCorrupt);
        for (const c of seed) {
          const error = await source.get(c.connId).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error, `error for ${c.connId}`).toBeInstanceOf(ConnectionFormatError);
          expectNoSecretShown(error, secrets);
        }
      });
    }

    it("answers getMany with exactly the seeded ids it was asked for, when it can", async (ctx) => {
      if (!source.getMany) return ctx.skip();
      const hits = await source.getMany([...seed.map((c) => c.connId), missingId]);
      expect([...hits.keys()].sort()).toEqual(seed.map((c) => c.connId).sort());
      for (const c of seed) expect(plain((hits.get(c.connId) as SourceHit).connection)).toEqual(plain(c));
      const error = await source.getMany(["../x"]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidConnIdError);
    });

    it("lists the seeded ids when it can list", async (ctx) => {
      if (!source.list) return ctx.skip();
      const ids: string[] = [];
      for await (const id of source.list()) ids.push(id);
      expect(ids).toEqual(expect.arrayContaining(seed.map((c) => c.connId)));
      const list = source.list.bind(source);
      await expectAbortBeforeLookup((signal) => list({ signal }));
    });
  });
}
