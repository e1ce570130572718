// Variables from a remote source follow the connections' cache rules (cacheEngine): stale while
// revalidate, stale serving on a failed call, negative TTL, shared calls, maxEntries.
import { SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { deferred, eventLog, fakeClock, flush, memoryVariables } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";
import type { ResolverConfig } from "./types.js";

/** A remote Variable source (cached: its name is neither env nor file) and a resolver over it. */
function setup(values: Record<string, string>, cache: ResolverConfig["cache"] = {}) {
  const clock = fakeClock();
  const log = eventLog();
  const remote = memoryVariables("vault", values);
  const resolver = createResolver({ sources: [remote.source], clock, logger: log.logger, cache });
  return { clock, log, remote, resolver };
}

describe("Variables caching (the connections' rules)", () => {
  it("past ttlSeconds the last value is served at once while one background call refreshes it", async () => {
    const { clock, log, remote, resolver } = setup({ region: "v1" }, { ttlSeconds: 60 });
    expect((await resolver.getVariable("region")).value).toBe("v1");
    remote.values.region = "v2";
    remote.state.version = "2";
    clock.advance(61);
    expect((await resolver.getVariable("region")).value).toBe("v1"); // stale, served at once
    const explained = await resolver.explainVariable("region");
    expect(explained.steps[0]).toMatchObject({ outcome: "hit", cache: "stale" });
    await flush();
    expect(remote.state.calls).toBe(2); // one background call for both reads
    expect((await resolver.getVariable("region")).value).toBe("v2");
    expect(remote.state.calls).toBe(2);
    expect(log.events).toContainEqual({
      type: "variable-refresh",
      kind: "variable",
      key: "region",
      source: "vault",
      outcome: "updated",
      ms: 0,
    });
  });

  it("a failed call serves the last good value younger than maxStaleSeconds, with a variable-stale event", async () => {
    const cache = { ttlSeconds: 10, maxStaleSeconds: 100, staleWhileRevalidate: false };
    const { clock, log, remote, resolver } = setup({ region: "v1" }, cache);
    await resolver.getVariable("region");
    remote.state.failWith = new SourceError("throttled", { source: "vault", retryable: true });
    clock.advance(20);
    expect(await resolver.getVariable("region")).toEqual({
      value: "v1",
      source: "vault",
      origin: "vault:region",
    });
    const stale = log.events.find((e) => e.type === "variable-stale");
    expect(stale).toMatchObject({ kind: "variable", key: "region", source: "vault", ageSeconds: 20 });
    expect(stale).not.toHaveProperty("connId");
    const explained = await resolver.explainVariable("region");
    expect(explained.steps[0]).toMatchObject({ outcome: "stale", error: { message: "vault: throttled" } });

    clock.advance(100); // older than maxStaleSeconds: the failure stands
    await expect(resolver.getVariable("region")).rejects.toBeInstanceOf(SourceError);
  });

  it("'not here' is kept for negativeTtlSeconds (80-100% of it), then asked again", async () => {
    const clock = fakeClock();
    const remote = memoryVariables("vault", {});
    const resolver = createResolver({ sources: [remote.source], clock, cache: { negativeTtlSeconds: 5 } });
    await expect(resolver.getVariable("gone")).rejects.toThrow(/not found/);
    clock.advance(3);
    await expect(resolver.getVariable("gone")).rejects.toThrow(/not found/);
    expect(remote.state.calls).toBe(1);
    expect((await resolver.explainVariable("gone")).steps[0]).toMatchObject({
      outcome: "miss",
      cache: "negative",
    });
    clock.advance(3);
    await expect(resolver.getVariable("gone")).rejects.toThrow(/not found/);
    expect(remote.state.calls).toBe(2);
  });

  it("concurrent lookups of one key share one call, whatever mix of get, getVariables, preload and explain", async () => {
    const gate = deferred();
    const remote = memoryVariables("vault", { region: "v1" });
    remote.state.gate = gate.promise;
    const resolver = createResolver({ sources: [remote.source], clock: fakeClock() });
    const all = Promise.all([
      resolver.getVariable("region"),
      resolver.getVariables(["region"]),
      resolver.preloadVariables(["region"]),
      resolver.explainVariable("region"),
    ]);
    gate.resolve();
    const [one, many, preloaded, explained] = await all;
    expect(one.value).toBe("v1");
    expect(many.get("region")?.value).toBe("v1");
    expect(preloaded).toEqual({ found: ["region"], notFound: [] });
    expect(explained.winner).toEqual({ source: "vault", origin: "vault:region" });
    expect(remote.state.calls).toBe(1);
  });

  it("at most maxEntries keys are kept; clear() forgets them all", async () => {
    const remote = memoryVariables("vault", { a: "1", b: "2", c: "3" });
    const resolver = createResolver({
      sources: [remote.source],
      clock: fakeClock(),
      cache: { maxEntries: 2 },
    });
    for (const key of ["a", "b", "c"]) await resolver.getVariable(key);
    await resolver.getVariable("c");
    expect(remote.state.calls).toBe(3);
    await resolver.getVariable("a"); // the least recently used went first
    expect(remote.state.calls).toBe(4);
    resolver.clear();
    await resolver.getVariable("a");
    expect(remote.state.calls).toBe(5);
  });

  it("a code-given source with live: true is read on every lookup", async () => {
    const remote = memoryVariables("vault", { a: "1" });
    const live = createResolver({ sources: [{ source: remote.source, live: true }], clock: fakeClock() });
    await live.getVariable("a");
    await live.getVariable("a");
    expect(remote.state.calls).toBe(2);
    expect((await live.explainVariable("a")).steps[0]).not.toHaveProperty("cache");
  });
});
