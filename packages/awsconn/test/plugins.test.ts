// Plugin sources in a resolver take part in every rule a built-in source does: priority, onError,
// caching of remote sources (live ones read on every lookup), getMany/preload, list, put, explain
// and events. The plugin is a real module on disk, loaded through the config entry; the test's
// fake backend (helpers' memorySource) reaches it through `options`, which are passed untouched.
import { type Connection, SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { createResolver } from "../src/createResolver.js";
import type { SourceEntry } from "../src/types.js";
import { eventLog, fakeClock, memorySource } from "./helpers.js";
import { PASSTHROUGH, pluginDir, writePlugin } from "./writePlugin.js";

function pluginEntry(source: unknown, extra: Record<string, unknown> = {}): SourceEntry {
  const file = writePlugin(pluginDir(), "passthrough.mjs", PASSTHROUGH);
  return { type: "plugin", module: file, name: "vault", options: { source }, ...extra } as SourceEntry;
}

describe("plugin sources: priority and onError", () => {
  it("sit in the chain like any source: a higher one wins, a miss passes to the next", async () => {
    const high = memorySource("high", { a: { host: "high" } });
    const vault = memorySource("inner", { a: { host: "vault" }, b: { host: "vault-b" } });
    const low = memorySource("low", { c: { host: "low" } });
    const resolver = createResolver({ sources: [high, pluginEntry(vault), low], clock: fakeClock() });

    expect((await resolver.get("a")).host).toBe("high");
    expect(await resolver.resolve("b")).toMatchObject({ source: "vault", origin: "inner:b@v1" });
    expect((await resolver.get("c")).host).toBe("low");
    expect(vault.state.calls).toBe(2);
  });

  it("a failing plugin stops the lookup (fail closed); with onError: skip the next source answers", async () => {
    const vault = memorySource("inner", {});
    vault.state.failWith = new SourceError("vault sealed", { source: "vault", retryable: true });
    const low = memorySource("low", { a: { host: "low" } });

    const closed = createResolver({ sources: [pluginEntry(vault), low], clock: fakeClock() });
    await expect(closed.get("a")).rejects.toThrow(/vault sealed/);
    expect(low.state.calls).toBe(0);

    const log = eventLog();
    const open = createResolver({
      sources: [pluginEntry(vault, { onError: "skip" }), low],
      clock: fakeClock(),
      logger: log.logger,
    });
    expect((await open.get("a")).host).toBe("low");
    expect(log.events).toContainEqual(
      expect.objectContaining({ type: "error", source: "vault", skipped: true }),
    );
  });

  it("a plugin that fails to load is a ConfigError of the lookup; skip passes it over with an error event", async () => {
    const low = memorySource("low", { a: { host: "low" } });
    const entry = { type: "plugin", module: "./nowhere.mjs", onError: "skip" } as const;
    const log = eventLog();
    const resolver = createResolver({ sources: [entry, low], clock: fakeClock(), logger: log.logger });
    expect((await resolver.get("a")).host).toBe("low");
    const explained = await resolver.explain("a");
    expect(explained.steps[0]).toMatchObject({
      source: "nowhere",
      outcome: "skipped",
      error: { code: "INVALID_CONFIG" },
    });
  });
});

describe("plugin sources: caching", () => {
  it("a remote plugin (no remote flag) is cached: one call per id, explain shows the cache", async () => {
    const vault = memorySource("inner", { a: { host: "vault" } });
    const clock = fakeClock();
    const resolver = createResolver({ sources: [pluginEntry(vault)], clock, cache: { ttlSeconds: 60 } });

    const first = await Promise.all([resolver.get("a"), resolver.get("a"), resolver.get("a")]);
    expect(first.map((c) => c.host)).toEqual(["vault", "vault", "vault"]);
    await resolver.get("a");
    expect(vault.state.calls).toBe(1);
    const explained = await resolver.explain("a");
    expect(explained.steps[0]).toMatchObject({ source: "vault", outcome: "hit", cache: "fresh" });

    clock.advance(61);
    resolver.invalidate("a");
    await resolver.get("a");
    expect(vault.state.calls).toBe(2);
  });

  it("the first lookup, which loads the plugin, already shows the cache state (call), and fresh next", async () => {
    const vault = memorySource("inner", { a: { host: "vault" } });
    const resolver = createResolver({ sources: [pluginEntry(vault)], clock: fakeClock() });
    expect((await resolver.explain("a")).steps[0]).toMatchObject({ source: "vault", cache: "call" });
    expect((await resolver.explain("a")).steps[0]).toMatchObject({ source: "vault", cache: "fresh" });
    const many = createResolver({ sources: [pluginEntry(vault)], clock: fakeClock() });
    expect(await many.preload(["a", "b"])).toEqual({ found: ["a"], notFound: ["b"] });
    expect((await many.explain("b")).steps[0]).toMatchObject({ outcome: "miss", cache: "negative" });
  });

  it("a plugin whose source says remote: false is read on every lookup, with no cache state", async () => {
    const vault = Object.assign(memorySource("inner", { a: { host: "v1" } }), { remote: false });
    const resolver = createResolver({ sources: [pluginEntry(vault)], clock: fakeClock() });

    expect((await resolver.explain("a")).steps[0]).not.toHaveProperty("cache");
    expect((await resolver.get("a")).host).toBe("v1");
    vault.state.data.a = { host: "v2" };
    expect((await resolver.get("a")).host).toBe("v2");
    expect(vault.state.calls).toBe(3);
    const explained = await resolver.explain("a");
    expect(explained.steps[0]).not.toHaveProperty("cache");
  });

  it("the entry's remote key overrides the source's flag, both ways", async () => {
    const saysLive = Object.assign(memorySource("inner", { a: { host: "x" } }), { remote: false });
    const cachedAnyway = createResolver({
      sources: [pluginEntry(saysLive, { remote: true })],
      clock: fakeClock(),
    });
    await cachedAnyway.get("a");
    await cachedAnyway.get("a");
    expect(saysLive.state.calls).toBe(1);
    expect((await cachedAnyway.explain("a")).steps[0]).toMatchObject({ cache: "fresh" });

    const saysRemote = Object.assign(memorySource("inner", { a: { host: "x" } }), { remote: true });
    const live = createResolver({
      sources: [pluginEntry(saysRemote, { remote: false })],
      clock: fakeClock(),
    });
    await live.get("a");
    await live.get("a");
    expect(saysRemote.state.calls).toBe(2);
  });

  it("a cached plugin's last good value is served when it fails (stale on error)", async () => {
    const vault = memorySource("inner", { a: { host: "good" } });
    const clock = fakeClock();
    const log = eventLog();
    const resolver = createResolver({
      sources: [pluginEntry(vault, { remote: true })],
      clock,
      logger: log.logger,
      cache: { ttlSeconds: 10, staleWhileRevalidate: false, maxStaleSeconds: 600 },
    });
    await resolver.get("a");
    clock.advance(20);
    vault.state.failWith = new SourceError("vault down", { source: "vault", retryable: true });
    expect((await resolver.get("a")).host).toBe("good");
    expect(log.types()).toContain("stale");
  });
});

describe("plugin sources: getMany, preload, list, put, events", () => {
  it("preload and getMany use the plugin's getMany once for the ids that need a call", async () => {
    const vault = memorySource("inner", { a: { host: "A" }, b: { host: "B" } }, { batch: true });
    const resolver = createResolver({ sources: [pluginEntry(vault)], clock: fakeClock() });

    expect(await resolver.preload(["a", "b", "c"])).toEqual({ found: ["a", "b"], notFound: ["c"] });
    expect(vault.state.batchCalls).toEqual([["a", "b", "c"]]);
    const many = await resolver.getMany(["a", "b"]);
    expect([...many.values()].map((c) => c.host)).toEqual(["A", "B"]);
    expect(vault.state.batchCalls).toHaveLength(1);
    expect(vault.state.calls).toBe(0);
  });

  it("list and put reach the plugin's own methods through resolver.sources", async () => {
    const stored: Connection[] = [];
    const vault = Object.assign(memorySource("inner", { a: {}, b: {} }), {
      async *list() {
        yield* ["a", "b"];
      },
      async put(connection: Connection) {
        stored.push(connection);
      },
    });
    const resolver = createResolver({ sources: [pluginEntry(vault)], clock: fakeClock() });
    const source = resolver.sources?.[0];
    expect(source?.name).toBe("vault");
    const ids: string[] = [];
    for await (const id of source?.list?.() ?? []) ids.push(id);
    expect(ids).toEqual(["a", "b"]);
    await source?.put?.({ connId: "new", extra: {} });
    expect(stored.map((c) => c.connId)).toEqual(["new"]);
  });

  it("list or put on a plugin without them is a SourceError saying so", async () => {
    const resolver = createResolver({
      sources: [pluginEntry(memorySource("inner", {}))],
      clock: fakeClock(),
    });
    const source = resolver.sources?.[0];
    const drain = async () => {
      for await (const _ of source?.list?.() ?? []) {
        // drain
      }
    };
    await expect(drain()).rejects.toThrow(SourceError);
    await expect(drain()).rejects.toThrow("vault: cannot list connections");
    await expect(source?.put?.({ connId: "x", extra: {} })).rejects.toThrow(
      "vault: cannot store connections",
    );
  });

  it("hit and miss events name the plugin by its entry name", async () => {
    const vault = memorySource("inner", { a: { host: "A" } });
    const log = eventLog();
    const resolver = createResolver({
      sources: [pluginEntry(vault)],
      clock: fakeClock(),
      logger: log.logger,
    });
    await resolver.get("a");
    await resolver.get("zz").catch(() => undefined);
    expect(log.events).toContainEqual(
      expect.objectContaining({ type: "hit", source: "vault", origin: "inner:a@v1" }),
    );
    expect(log.events).toContainEqual(expect.objectContaining({ type: "miss", sources: ["vault"] }));
  });

  it("two plugins with one name are told apart as name#N", async () => {
    const one = memorySource("inner", {});
    const two = memorySource("inner", { a: { host: "two" } });
    const resolver = createResolver({ sources: [pluginEntry(one), pluginEntry(two)], clock: fakeClock() });
    expect(await resolver.resolve("a")).toMatchObject({ source: "vault#2" });
  });
});
