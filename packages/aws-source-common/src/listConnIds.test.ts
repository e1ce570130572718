import { describe, expect, it } from "vitest";
import { awsPages } from "./awsPages.js";
import { listConnIds } from "./listConnIds.js";
import { listKeysUnder } from "./listKeysUnder.js";
import { paginatorClient } from "./paginatorClient.js";

type Page = { names: (string | undefined)[]; nextToken?: string };

/** A paginator like the SDK's: asks for the next page with the last page's token, as the caller reads. */
function paginatorOver(fetchPage: (token: string | undefined) => Promise<Page>) {
  return async function* (): AsyncGenerator<Page> {
    let token: string | undefined;
    do {
      const page = await fetchPage(token);
      yield page;
      token = page.nextToken;
    } while (token);
  };
}

const rethrow = { deadlineMs: 60_000, fail: async (error: unknown) => error };

describe("listConnIds", () => {
  it("follows nextToken page by page, only as far as the caller reads", async () => {
    const pages: Record<string, Page> = {
      first: { names: ["p/a", "other/b", undefined], nextToken: "t2" },
      t2: { names: ["p/c"], nextToken: "t3" },
      t3: { names: ["p/d"] },
    };
    const asked: (string | undefined)[] = [];
    const paginate = paginatorOver(async (token) => {
      asked.push(token);
      return pages[token ?? "first"] ?? { names: [] };
    });
    const ids = listConnIds(
      "p/",
      awsPages(rethrow, paginate, (page) => page.names),
    );
    const iterator = ids[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe("a");
    expect(asked).toEqual([undefined]);
    const rest: string[] = [];
    for await (const id of { [Symbol.asyncIterator]: () => iterator }) rest.push(id);
    expect(rest).toEqual(["c", "d"]);
    expect(asked).toEqual([undefined, "t2", "t3"]);
  });

  it("ends with the error of a failed page", async () => {
    const failure = new Error("denied");
    const paginate = paginatorOver(async (token) => {
      if (token) throw failure;
      return { names: ["x"], nextToken: "t2" };
    });
    const ids = listConnIds(
      "",
      awsPages(rethrow, paginate, (page) => page.names),
    );
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const id of ids) seen.push(id);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual(["x"]);
  });
});

describe("awsPages", () => {
  it("maps a failed page with fail(), and gives the paginator a signal aborted with the caller's", async () => {
    const caller = new AbortController();
    let given: AbortSignal | undefined;
    const pages = awsPages(
      {
        deadlineMs: 60_000,
        signal: caller.signal,
        fail: async (e) => new Error(`mapped: ${(e as Error).message}`),
      },
      (abortSignal) => {
        given = abortSignal;
        return (async function* () {
          yield 1;
          throw new Error("page 2 failed");
        })();
      },
      (n: number) => n * 10,
    );
    const iterator = pages[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(10);
    await expect(iterator.next()).rejects.toThrow("mapped: page 2 failed");
    expect(given?.aborted).toBe(false);
  });

  it("ends a page in progress with the caller's abort reason and aborts the paginator's signal", async () => {
    const caller = new AbortController();
    let given: AbortSignal | undefined;
    const pages = awsPages(
      { deadlineMs: 60_000, signal: caller.signal, fail: async () => caller.signal.reason },
      (abortSignal) => {
        given = abortSignal;
        return (async function* () {
          await new Promise((_, reject) =>
            abortSignal.addEventListener("abort", () => reject(abortSignal.reason)),
          );
          yield 1;
        })();
      },
      (n: number) => n,
    );
    const next = pages[Symbol.asyncIterator]().next();
    caller.abort(new Error("caller gave up"));
    await expect(next).rejects.toThrow("caller gave up");
    expect(given?.aborted).toBe(true);
  });

  it("closes the paginator when the caller stops early", async () => {
    let closed = false;
    const pages = awsPages(
      rethrow,
      () =>
        (async function* () {
          try {
            yield 1;
            yield 2;
          } finally {
            closed = true;
          }
        })(),
      (n: number) => n,
    );
    for await (const n of pages) if (n === 1) break;
    expect(closed).toBe(true);
  });
});

describe("listKeysUnder", () => {
  const pages = async function* () {
    yield ["p/has space", "p/", "p/app_x", "P/app_y", undefined, "other/app_z"];
    yield ["p/a/b"];
  };
  it("keeps the rest after the head when it is not empty and accepted: no conn-id rule (Variables)", async () => {
    const keys: string[] = [];
    for await (const key of listKeysUnder("p/", () => true, pages())) keys.push(key);
    expect(keys).toEqual(["has space", "app_x", "a/b"]);
    const ids: string[] = [];
    for await (const id of listConnIds("p/", pages())) ids.push(id);
    expect(ids).not.toContain("has space");
    const matched: string[] = [];
    for await (const key of listKeysUnder("p/", (k) => k.startsWith("app_"), pages())) matched.push(key);
    expect(matched).toEqual(["app_x"]);
  });
});

describe("paginatorClient", () => {
  class Client {
    send(command: string): string {
      return `own ${command}`;
    }
  }
  it("keeps an instance, and stands in for a client of another SDK copy with its own send", () => {
    const own = new Client();
    expect(paginatorClient(Client, own)).toBe(own);
    const foreign = { send: (command: string) => `foreign ${command}` };
    const stand = paginatorClient(Client, foreign as Client);
    expect(stand).toBeInstanceOf(Client);
    expect(stand.send("x")).toBe("foreign x");
  });
});
