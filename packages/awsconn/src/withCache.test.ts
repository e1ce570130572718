import { SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { deferred, eventLog, fakeClock, memorySource } from "../test/helpers.js";
import { withCache } from "./withCache.js";

describe("withCache", () => {
  it("says where each answer came from: a call, then fresh with its age, then negative for a miss", async () => {
    const clock = fakeClock();
    const cached = withCache(memorySource("ssm", { db: { host: "h" } }), { clock });

    expect((await cached.lookup("db")).cache).toBe("call");
    clock.advance(3);
    expect(await cached.lookup("db")).toMatchObject({ cache: "fresh", ageSeconds: 3 });
    expect((await cached.lookup("nope")).cache).toBe("call");
    expect((await cached.lookup("nope")).cache).toBe("negative");
  });

  it("get, getMany and lookupMany of ids in flight share the calls: ids not in flight go out as one batch", async () => {
    const source = memorySource("sm", { a: {}, b: {}, c: {} }, { batch: true });
    const gate = deferred();
    source.state.gate = gate.promise;
    const cached = withCache(source, { clock: fakeClock() });

    const pending = [cached.get("a"), cached.getMany?.(["a", "b"]), cached.getMany?.(["a", "b", "c"])];
    gate.resolve();
    await Promise.all(pending);

    expect(source.state.calls).toBe(1); // a
    expect(source.state.batchCalls).toEqual([["b"], ["c"]]);
  });

  it("a caller's abort ends only its own wait; the call is aborted when its last caller aborts", async () => {
    const source = memorySource("sm", { a: {} });
    const gate = deferred();
    source.state.gate = gate.promise;
    let seen: AbortSignal | undefined;
    const get = source.get.bind(source);
    source.get = (id, options) => {
      seen = options?.signal;
      return get(id, options);
    };
    const cached = withCache(source, { clock: fakeClock() });
    const one = new AbortController();
    const two = new AbortController();

    const first = cached.get("a", { signal: one.signal });
    const second = cached.get("a", { signal: two.signal });
    await Promise.resolve();
    one.abort(new Error("one"));
    await expect(first).rejects.toThrow("one");
    expect(seen?.aborted).toBe(false);
    two.abort(new Error("two"));
    await expect(second).rejects.toThrow("two");
    expect(seen?.aborted).toBe(true);
    gate.resolve();
  });

  it("ttlSeconds and negativeTtlSeconds 0 keep nothing, and concurrent callers still share one call", async () => {
    const source = memorySource("sm", { a: {} });
    const cached = withCache(source, { clock: fakeClock(), ttlSeconds: 0, negativeTtlSeconds: 0 });

    await Promise.all([cached.get("a"), cached.get("a")]);
    await cached.get("a");
    await cached.get("z");
    await cached.get("z");

    expect(source.state.calls).toBe(4);
  });

  it("a failed refresh serves the last good hit with a stale event, bounded by maxStaleSeconds", async () => {
    const clock = fakeClock();
    const log = eventLog();
    const source = memorySource("sm", { a: { host: "h" } });
    const cached = withCache(source, {
      clock,
      ttlSeconds: 10,
      maxStaleSeconds: 100,
      staleWhileRevalidate: false,
      onEvent: log.logger,
    });
    await cached.get("a");
    source.state.failWith = new SourceError("throttled", { source: "sm", retryable: true });

    clock.advance(20);
    expect(await cached.lookup("a")).toMatchObject({ cache: "stale", staleBecause: "sm: throttled" });
    expect(log.types()).toEqual(["refresh", "stale"]);

    clock.advance(100);
    await expect(cached.get("a")).rejects.toBeInstanceOf(SourceError);
  });

  it("put writes through and forgets the id", async () => {
    const source = memorySource("sm", { a: { host: "old" } });
    source.put = async (connection) => {
      source.state.data[connection.connId] = { host: connection.host };
    };
    const cached = withCache(source, { clock: fakeClock() });
    await cached.get("a");

    await cached.put?.({ connId: "a", host: "new", extra: {} });

    expect((await cached.get("a"))?.connection.host).toBe("new");
  });

  it("jitter: a first answer lives a random 10-100% of its TTL, later ones 80-100% (0.2 by default), exactly the TTL with jitter 0", async () => {
    /** Whole seconds until the first and the second backend call's answers were asked again. */
    const lifetimesOf = async (random: () => number, jitter?: number) => {
      const clock = fakeClock();
      const source = memorySource("sm", { a: {} });
      const cached = withCache(source, {
        clock,
        ttlSeconds: 100,
        staleWhileRevalidate: false,
        random,
        jitter,
      });
      await cached.get("a");
      const seconds: number[] = [];
      for (const calls of [1, 2]) {
        let n = 0;
        while (source.state.calls === calls) {
          clock.advance(1);
          n++;
          await cached.get("a");
        }
        seconds.push(n);
      }
      return seconds;
    };
    // the first whole second past each lifetime (fresh up to and including it)
    expect(await lifetimesOf(() => 0)).toEqual([101, 101]);
    expect(await lifetimesOf(() => 0.999)).toEqual([11, 81]);
    expect(await lifetimesOf(() => 0.5)).toEqual([56, 91]);
    expect(await lifetimesOf(() => 0.999, 0)).toEqual([101, 101]);
  });

  it("a background refresh takes along, in one batch call, the other hits due within the jitter window", async () => {
    const clock = fakeClock();
    const source = memorySource("sm", { a: {}, b: {}, c: {} }, { batch: true });
    let next = 0;
    const lifetimes = [0, 0.5, 0.999]; // first answers (10-100%): a: 100 s, b: 55 s, c: 10.1 s
    const cached = withCache(source, {
      clock,
      ttlSeconds: 100,
      random: () => lifetimes[next++ % 3] as number,
    });
    await cached.get("a");
    await cached.get("b");
    await cached.get("c");
    source.state.calls = 0;

    clock.advance(85); // b and c are past their lifetimes; a (15 s left) is within 20 s of its own
    expect((await cached.lookup("c")).cache).toBe("stale");
    await new Promise((r) => setImmediate(r));

    expect(source.state.calls).toBe(0);
    expect(source.state.batchCalls.map((ids) => [...ids].sort())).toEqual([["a", "b", "c"]]);
    expect((await cached.lookup("a")).cache).toBe("fresh");
  });

  it("the ids one batch call fetched share one lifetime (one draw per call), so their refresh is one batch again", async () => {
    const clock = fakeClock();
    const source = memorySource("sm", { a: {}, b: {}, c: {} }, { batch: true });
    const draws = [0.3, 0.9, 0.6];
    const cached = withCache(source, { clock, ttlSeconds: 100, random: () => draws.shift() ?? 0 });
    await cached.lookupMany(["a", "b", "c"]);
    const left = ["a", "b", "c"].map((id) => cached.freshForMs(id));
    expect(new Set(left).size).toBe(1);
    expect(left[0]).toBe(Math.round(100_000 * (1 - 0.9 * 0.3))); // a first answer: 10-100% of the TTL
    expect(draws).toHaveLength(2); // one draw for the one call
  });

  it("ids already past their lifetime join the batch too (reads rarer than the jitter window: one call, not one per id)", async () => {
    const clock = fakeClock();
    const ids = Array.from({ length: 20 }, (_, i) => `id${i}`);
    const source = memorySource("sm", Object.fromEntries(ids.map((id) => [id, {}])), { batch: true });
    const cached = withCache(source, { clock, ttlSeconds: 60 });
    await cached.lookupMany(ids);
    source.state.batchCalls.length = 0;

    clock.advance(61); // every id is past its (jittered) lifetime; the process reads one of them
    expect((await cached.lookup("id7")).cache).toBe("stale");
    await new Promise((r) => setImmediate(r));

    expect(source.state.batchCalls.map((batch) => [...batch].sort())).toEqual([[...ids].sort()]);
    await new Promise((r) => setImmediate(r)); // a background answer is stored one turn later
    for (const id of ids) expect((await cached.lookup(id)).cache).toBe("fresh");
    expect(source.state.batchCalls).toHaveLength(1);
  });

  it("ids far from their lifetime's end are not refreshed ahead", async () => {
    const clock = fakeClock();
    const source = memorySource("sm", { a: {}, b: {} }, { batch: true });
    const cached = withCache(source, { clock, ttlSeconds: 100, jitter: 0 });
    await cached.get("a");
    clock.advance(50);
    await cached.get("b");
    source.state.calls = 0;

    clock.advance(51);
    await cached.lookup("a");
    await new Promise((r) => setImmediate(r));

    expect(source.state.batchCalls).toEqual([["a"]]);
  });
});
