import { ConnectionNotFoundError, SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { deferred, eventLog, fakeClock, flush, memorySource } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";

function remote(data: Record<string, { host?: string; password?: string }> = { db: { host: "v1.example" } }) {
  return memorySource("secretsmanager", data);
}

describe("cache: one flight per id", () => {
  it("1,000 concurrent gets of one uncached id make exactly one backend call and share one object", async () => {
    const sm = remote();
    const gate = deferred();
    sm.state.gate = gate.promise;
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });

    const pending = Array.from({ length: 1000 }, () => resolver.get("db"));
    gate.resolve();
    const results = await Promise.all(pending);

    expect(sm.state.calls).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.host).toBe("v1.example");
  });

  it("live sources (env, file) are read by every lookup and never cached", async () => {
    const env = memorySource("env", { db: { host: "one" } });
    const gate = deferred();
    env.state.gate = gate.promise;
    const resolver = createResolver({ sources: [env], clock: fakeClock() });

    const pending = Array.from({ length: 50 }, () => resolver.get("db"));
    gate.resolve();
    await Promise.all(pending);
    expect(env.state.calls).toBe(50);

    env.state.gate = undefined;
    env.state.data.db = { host: "two" };
    expect((await resolver.get("db")).host).toBe("two");
    expect(env.state.calls).toBe(51);
  });
});

describe("cache: remote hits", () => {
  it("a cached get asks no source, returns the very same settled promise, and the connection is frozen", async () => {
    const sm = remote();
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });
    const first = await resolver.get("db");

    const p1 = resolver.get("db");
    const p2 = resolver.get("db");

    expect(p1).toBe(p2);
    expect(await p1).toBe(first);
    expect(sm.state.calls).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.extra)).toBe(true);
  });

  it("is fresh for at least 10% of ttlSeconds (a first answer's jittered lifetime), then looked up again (staleWhileRevalidate off)", async () => {
    const clock = fakeClock();
    const sm = remote();
    const resolver = createResolver({
      sources: [sm],
      clock,
      cache: { ttlSeconds: 60, staleWhileRevalidate: false },
    });
    await resolver.get("db");

    clock.advance(5);
    await resolver.get("db");
    expect(sm.state.calls).toBe(1);

    clock.advance(56);
    sm.state.data.db = { host: "v2.example" };
    expect((await resolver.get("db")).host).toBe("v2.example");
    expect(sm.state.calls).toBe(2);
  });

  it("remembers 'found nowhere' for negativeTtlSeconds", async () => {
    const clock = fakeClock();
    const sm = remote({});
    const resolver = createResolver({ sources: [sm], clock, cache: { negativeTtlSeconds: 5 } });

    await expect(resolver.get("db")).rejects.toBeInstanceOf(ConnectionNotFoundError);
    await expect(resolver.get("db")).rejects.toBeInstanceOf(ConnectionNotFoundError);
    expect(sm.state.calls).toBe(1);

    clock.advance(6);
    sm.state.data.db = { host: "new.example" };
    expect((await resolver.get("db")).host).toBe("new.example");
    expect(sm.state.calls).toBe(2);
  });

  it("negativeTtlSeconds: 0 asks again every time", async () => {
    const sm = remote({});
    const resolver = createResolver({ sources: [sm], clock: fakeClock(), cache: { negativeTtlSeconds: 0 } });
    await expect(resolver.get("db")).rejects.toThrow();
    await expect(resolver.get("db")).rejects.toThrow();
    expect(sm.state.calls).toBe(2);
  });

  it("ttlSeconds: 0 turns caching off", async () => {
    const sm = remote();
    const resolver = createResolver({ sources: [sm], clock: fakeClock(), cache: { ttlSeconds: 0 } });
    await resolver.get("db");
    await resolver.get("db");
    expect(sm.state.calls).toBe(2);
  });

  it("an id served by env above a remote source is not cached; one served by the remote source is", async () => {
    const env = memorySource("env", { a: { host: "env-a" } });
    const sm = remote({ b: { host: "sm-b" } });
    const resolver = createResolver({ sources: [env, sm], clock: fakeClock() });

    await resolver.get("a");
    await resolver.get("a");
    await resolver.get("b");
    await resolver.get("b");

    expect(sm.state.calls).toBe(1);
    expect(env.state.calls).toBe(4);
  });

  it("keeps at most maxEntries ids (least recently used dropped)", async () => {
    const sm = remote({ a: {}, b: {}, c: {} });
    const resolver = createResolver({ sources: [sm], clock: fakeClock(), cache: { maxEntries: 2 } });
    await resolver.get("a");
    await resolver.get("b");
    await resolver.get("a");
    await resolver.get("c"); // drops b, the least recently used
    expect(sm.state.calls).toBe(3);

    await resolver.get("a");
    expect(sm.state.calls).toBe(3);
    await resolver.get("b");
    expect(sm.state.calls).toBe(4);
  });

  it("invalidate(id) and clear() forget cached ids", async () => {
    const sm = remote({ a: {}, b: {} });
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });
    await resolver.get("a");
    await resolver.get("b");

    resolver.invalidate("a");
    await resolver.get("a");
    await resolver.get("b");
    expect(sm.state.calls).toBe(3);

    resolver.clear();
    await resolver.get("a");
    await resolver.get("b");
    expect(sm.state.calls).toBe(5);
  });

  it("invalidate during a flight does not break the callers waiting on it", async () => {
    const sm = remote();
    const gate = deferred();
    sm.state.gate = gate.promise;
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });

    const pending = resolver.get("db");
    resolver.invalidate("db");
    gate.resolve();

    expect((await pending).host).toBe("v1.example");
  });
});

describe("cache: stale-while-revalidate", () => {
  it("after the TTL serves the cached value at once and refreshes exactly once in the background", async () => {
    const clock = fakeClock();
    const sm = remote();
    const log = eventLog();
    const resolver = createResolver({ sources: [sm], clock, logger: log.logger, cache: { ttlSeconds: 60 } });
    await resolver.get("db");
    clock.advance(61);
    sm.state.data.db = { host: "v2.example" };
    sm.state.version = 2;
    const gate = deferred();
    sm.state.gate = gate.promise;

    const during = await Promise.all(Array.from({ length: 100 }, () => resolver.get("db")));
    expect(during.every((c) => c.host === "v1.example")).toBe(true);
    expect(sm.state.calls).toBe(2);

    gate.resolve();
    await flush();
    expect((await resolver.get("db")).host).toBe("v2.example");
    expect(sm.state.calls).toBe(2);
    expect(log.events).toContainEqual(
      expect.objectContaining({ type: "refresh", connId: "db", outcome: "updated" }),
    );
  });

  it("does not serve a value older than maxStaleSeconds while revalidating: the caller waits", async () => {
    const clock = fakeClock();
    const sm = remote();
    const resolver = createResolver({
      sources: [sm],
      clock,
      cache: { ttlSeconds: 60, maxStaleSeconds: 120 },
    });
    await resolver.get("db");
    clock.advance(121);
    sm.state.data.db = { host: "v2.example" };

    expect((await resolver.get("db")).host).toBe("v2.example");
  });
});

describe("cache: a failing backend after a value was cached", () => {
  function failing() {
    return new SourceError("ThrottlingException after 3 attempts", {
      source: "secretsmanager",
      retryable: true,
    });
  }

  it("serves the stale value with a stale warning; past maxStaleSeconds the SourceError surfaces", async () => {
    const clock = fakeClock();
    const sm = remote();
    const log = eventLog();
    const resolver = createResolver({
      sources: [sm],
      clock,
      logger: log.logger,
      cache: { ttlSeconds: 60, maxStaleSeconds: 600, staleWhileRevalidate: false },
    });
    await resolver.get("db");
    sm.state.failWith = failing();

    clock.advance(61);
    expect((await resolver.get("db")).host).toBe("v1.example");
    expect(log.events).toContainEqual(
      expect.objectContaining({ type: "stale", connId: "db", source: "secretsmanager", ageSeconds: 61 }),
    );

    clock.advance(600);
    await expect(resolver.get("db")).rejects.toBeInstanceOf(SourceError);
  });

  it("with staleWhileRevalidate the failed background refresh keeps the value and warns", async () => {
    const clock = fakeClock();
    const sm = remote();
    const log = eventLog();
    const resolver = createResolver({ sources: [sm], clock, logger: log.logger, cache: { ttlSeconds: 60 } });
    await resolver.get("db");
    sm.state.failWith = failing();
    clock.advance(61);

    expect((await resolver.get("db")).host).toBe("v1.example");
    await flush();
    expect(log.types()).toEqual(expect.arrayContaining(["refresh", "stale"]));
    expect((await resolver.get("db")).host).toBe("v1.example");
    expect(sm.state.calls).toBe(2);
  });

  it("retries a failed refresh after a short pause, not on every get", async () => {
    const clock = fakeClock();
    const sm = remote();
    const resolver = createResolver({
      sources: [sm],
      clock,
      cache: { ttlSeconds: 60, staleWhileRevalidate: false },
    });
    await resolver.get("db");
    sm.state.failWith = failing();
    clock.advance(61);
    await resolver.get("db");
    await resolver.get("db");
    expect(sm.state.calls).toBe(2);

    clock.advance(6);
    sm.state.failWith = undefined;
    sm.state.data.db = { host: "back.example" };
    expect((await resolver.get("db")).host).toBe("back.example");
  });

  it("a cached 'not found' is not a stale value: a failure then surfaces", async () => {
    const clock = fakeClock();
    const sm = remote({});
    const resolver = createResolver({ sources: [sm], clock });
    await expect(resolver.get("db")).rejects.toBeInstanceOf(ConnectionNotFoundError);
    sm.state.failWith = failing();
    clock.advance(6);
    await expect(resolver.get("db")).rejects.toBeInstanceOf(SourceError);
  });
});
