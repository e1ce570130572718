import { inspect } from "node:util";
import type { Connection, ConnectionSource, SourceHit } from "@awsconn/core";
import { ConnectionFormatError, InvalidConnIdError, isSecretKey } from "@awsconn/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** One seeded connection: the id plus the fields the source must give back unchanged. */
export type SeedConnection = Omit<Connection, "extra"> & { extra?: Record<string, unknown> };

/** What a source factory may return: the source alone, or with a lookup counter and a cleanup. */
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

/** Options of {@link describeConnectionSource}. */
export interface ContractOptions {
  /**
   * Makes a source whose stored data for the seeded ids is malformed but still contains the
   * seeded secrets. When given, the suite checks that the resulting `ConnectionFormatError`
   * never shows a secret.
   */
  makeCorruptSource?: (seed: readonly SeedConnection[]) => ContractSubject | Promise<ContractSubject>;
}

/** Ids every source must refuse with `InvalidConnIdError` before any lookup. */
export const INVALID_CONN_IDS: readonly string[] = [
  "../x",
  "a/../b",
  "",
  "x".repeat(251),
  "a\nb",
  "a\u0000b",
  "a\u001bb",
  "a\u007fb",
  "a b",
  "a\tb",
];

/** A seed with planted secrets (a password and secret-looking extras) that most sources can store. */
export const DEFAULT_CONTRACT_SEED: readonly SeedConnection[] = [
  {
    connId: "contract_aws",
    connType: "aws",
    login: "AKIACONTRACTLOGIN01",
    password: "planted-Secret/Value+1",
    extra: { region_name: "eu-west-1", aws_session_token: "planted-session-token-2" },
  },
  {
    connId: "contract_pg",
    connType: "postgres",
    host: "db.example.internal",
    login: "app",
    password: "planted-pg-pass-3",
    schema: "warehouse",
    port: 5432,
    extra: { sslmode: "require" },
    description: "contract suite database",
  },
  { connId: "contract_bare", connType: "http", host: "example.com", extra: {} },
];

/** The secret strings planted in a seed: passwords and string values of secret-looking extra keys. */
export function seededSecrets(seed: readonly SeedConnection[]): string[] {
  const secrets: string[] = [];
  for (const c of seed) {
    if (c.password) secrets.push(c.password);
    for (const [k, v] of Object.entries(c.extra ?? {}))
      if (isSecretKey(k) && typeof v === "string") secrets.push(v);
  }
  return secrets;
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

function printed(value: unknown): string[] {
  return [inspect(value, { depth: 20, showHidden: false }), JSON.stringify(value) ?? "", String(value)];
}

function expectNoSecret(texts: readonly string[], secrets: readonly string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

function errorTexts(error: unknown): string[] {
  return error instanceof Error ? [error.message, ...printed(error), String(error.stack)] : printed(error);
}

/**
 * The `ConnectionSource` contract: the same behaviour tests, run against every source.
 *
 * `makeSource(seed)` returns (possibly async) a source holding exactly the seeded connections;
 * it is called afresh for each test. The suite checks: a missing id gives `undefined`; a hit
 * carries the seeded fields and a non-empty origin; invalid ids (`../x`, empty, 251 characters,
 * control characters) are refused with `InvalidConnIdError` before any lookup; concurrent gets of
 * one id agree; an already-aborted signal rejects with its reason before any lookup; no printed
 * hit or error shows a seeded secret; `getMany()`, when present, returns exactly the seeded ids
 * asked for; `list()`, when present, yields the seeded ids.
 *
 * @example
 * ```ts
 * import { describeConnectionSource, DEFAULT_CONTRACT_SEED } from "@awsconn/testkit";
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
        expectNoSecret(errorTexts(error), secrets);
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
      const reason = new Error("contract: aborted by the caller");
      const controller = new AbortController();
      controller.abort(reason);
      const before = lookups?.();
      for (const id of [(seed[0] as SeedConnection).connId, missingId]) {
        await expect(source.get(id, { signal: controller.signal })).rejects.toBe(reason);
      }
      if (lookups) expect(lookups()).toBe(before);
      const plainAbort = new AbortController();
      plainAbort.abort();
      const error = await source.get(missingId, { signal: plainAbort.signal }).catch((e: unknown) => e);
      expect((error as Error).name).toBe("AbortError");
    });

    it("never shows a seeded secret when a hit is printed", async () => {
      for (const c of seed) {
        const hit = await source.get(c.connId);
        expectNoSecret([...printed(hit), ...printed(hit?.connection)], secrets);
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
          expectNoSecret(errorTexts(error), secrets);
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
      const controller = new AbortController();
      const reason = new Error("contract: list aborted");
      controller.abort(reason);
      const iterate = async () => {
        for await (const _ of source.list?.({ signal: controller.signal }) ?? []) {
          // drain
        }
      };
      await expect(iterate()).rejects.toBe(reason);
    });
  });
}
