import { SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { fakeClock, memorySource } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";

describe("explain", () => {
  it("lists every source consulted with outcome, time and origin", async () => {
    const clock = fakeClock();
    const env = memorySource("env", {});
    const sm = memorySource("secretsmanager", { db: { host: "h" } });
    const slow = sm.get.bind(sm);
    sm.get = async (id) => {
      clock.advance(0.25);
      return slow(id);
    };
    const resolver = createResolver({ sources: [env, sm], clock });

    const e = await resolver.explain("db");

    expect(e).toEqual({
      connId: "db",
      winner: { source: "secretsmanager", origin: "secretsmanager:db@v1" },
      steps: [
        { source: "env", outcome: "miss", ms: 0 },
        {
          source: "secretsmanager",
          outcome: "hit",
          ms: 250,
          origin: "secretsmanager:db@v1",
          cache: "call",
          ageSeconds: 0,
        },
      ],
    });
  });

  it("then shows the cache state: the source answered from its cache, with the age", async () => {
    const clock = fakeClock();
    const resolver = createResolver({ sources: [memorySource("secretsmanager", { db: {} })], clock });
    await resolver.get("db");
    clock.advance(2.5);

    const e = await resolver.explain("db");

    expect(e.steps).toEqual([
      {
        source: "secretsmanager",
        outcome: "hit",
        ms: 0,
        origin: "secretsmanager:db@v1",
        cache: "fresh",
        ageSeconds: 2.5,
      },
    ]);
  });

  it("reports errors and skipped sources instead of throwing", async () => {
    const broken = memorySource("ssm", {});
    broken.state.failWith = new SourceError("timed out after 3000 ms", { source: "ssm", retryable: true });
    const failing = memorySource("secretsmanager", {});
    failing.state.failWith = new SourceError("AccessDeniedException", { source: "secretsmanager" });
    const resolver = createResolver({
      sources: [{ source: broken, onError: "skip" }, failing],
      clock: fakeClock(),
    });

    const e = await resolver.explain("db");

    expect(e.winner).toBeNull();
    expect(e.steps.map((s) => [s.source, s.outcome, s.error?.code])).toEqual([
      ["ssm", "skipped", "SOURCE_FAILED"],
      ["secretsmanager", "error", "SOURCE_FAILED"],
    ]);
  });

  it("shows a stale value being served", async () => {
    const clock = fakeClock();
    const sm = memorySource("secretsmanager", { db: {} });
    const resolver = createResolver({ sources: [sm], clock, cache: { ttlSeconds: 10 } });
    await resolver.get("db");
    sm.state.failWith = new SourceError("throttled", { source: "secretsmanager", retryable: true });
    clock.advance(11);

    const revalidating = await resolver.explain("db");
    expect(revalidating.steps.map((s) => [s.outcome, s.cache])).toEqual([["hit", "stale"]]);
    await new Promise((r) => setImmediate(r)); // the background refresh fails

    const e = await resolver.explain("db");

    expect(e.steps.map((s) => [s.outcome, s.cache, s.ageSeconds])).toEqual([["stale", "stale", 11]]);
    expect(e.steps[0]?.error?.message).toMatch(/throttled/);
    expect(e.winner?.source).toBe("secretsmanager");
  });

  it("not found anywhere: winner null, every step a miss", async () => {
    const resolver = createResolver({ sources: [memorySource("a"), memorySource("b")], clock: fakeClock() });
    const e = await resolver.explain("nothing");
    expect(e.winner).toBeNull();
    expect(e.steps.map((s) => s.outcome)).toEqual(["miss", "miss"]);
  });
});
