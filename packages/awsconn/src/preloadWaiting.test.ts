import { type ConnectionSource, createConnection, SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { eventLog } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";

const throttle = () =>
  new SourceError("ssm: GetParameters throttled: Rate exceeded", {
    source: "ssm",
    retryable: true,
    kind: "throttled",
    awsErrorName: "ThrottlingException",
  });

/** A clock whose sleep records the wait and moves time on at once. */
function sleepingClock() {
  const clock = {
    t: 1_000_000,
    waits: [] as number[],
    now: () => clock.t,
    async sleep(ms: number, signal?: AbortSignal) {
      signal?.throwIfAborted();
      clock.waits.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

/** A batch source over `data` that throttles the first `throttledRounds` batch calls for `throttledIds`. */
function quotaSource(data: Record<string, string>, throttledIds: string[], throttledRounds: number) {
  const batches: string[][] = [];
  let round = 0;
  const hit = (id: string) =>
    data[id] === undefined
      ? undefined
      : {
          connection: createConnection({ connId: id, connType: "http", host: data[id] }),
          origin: `ssm:${id}`,
        };
  const source: ConnectionSource & { batches: string[][] } = {
    name: "ssm",
    batches,
    async get(id) {
      return (await source.getMany?.([id]))?.get(id);
    },
    async getMany(ids) {
      batches.push([...ids]);
      const throttled = round++ < throttledRounds && ids.some((id) => throttledIds.includes(id));
      if (throttled) throw throttle();
      const out = new Map();
      for (const id of ids) {
        const h = hit(id);
        if (h) out.set(id, h);
      }
      return out;
    },
  };
  return source;
}

describe("preload: waiting out throttling", () => {
  it("asks the throttled ids again after full-jitter waits (1 s doubling) until they are found", async () => {
    const clock = sleepingClock();
    const source = quotaSource({ a: "a.example", b: "b.example" }, ["a", "b"], 3);
    const log = eventLog();
    const resolver = createResolver({ sources: [source], clock, logger: log.logger });

    const result = await resolver.preload(["a", "b", "gone"]);

    expect(result).toEqual({ found: ["a", "b"], notFound: ["gone"] });
    expect(source.batches).toHaveLength(4);
    expect(clock.waits).toHaveLength(3);
    clock.waits.forEach((ms, round) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(1000 * 2 ** round);
    });
    const warnings = log.events.filter((e) => e.type === "warning");
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatchObject({ code: "PRELOAD_THROTTLED", source: "preload" });
    expect(JSON.stringify(warnings)).toContain("of 3 ids throttled");
  });

  it("never waits longer than 20 s between rounds", async () => {
    const clock = sleepingClock();
    const source = quotaSource({ a: "a.example" }, ["a"], 12);
    const resolver = createResolver({ sources: [source], clock });
    await resolver.preload(["a"], { waitSeconds: 1000 });
    expect(clock.waits).toHaveLength(12);
    for (const ms of clock.waits) expect(ms).toBeLessThan(20_000);
  });

  it("rejects with the throttling error once the next wait would pass waitSeconds", async () => {
    const clock = sleepingClock();
    const source = quotaSource({ a: "a.example" }, ["a"], 1000);
    const resolver = createResolver({ sources: [source], clock });
    const started = clock.t;
    await expect(resolver.preload(["a"], { waitSeconds: 30 })).rejects.toMatchObject({
      name: "SourceError",
      kind: "throttled",
    });
    expect(clock.t - started).toBeLessThanOrEqual(30_000);
  });

  it("waitSeconds: 0 rejects on the first throttled lookup, without waiting", async () => {
    const clock = sleepingClock();
    const resolver = createResolver({ sources: [quotaSource({ a: "x" }, ["a"], 1)], clock });
    await expect(resolver.preload(["a"], { waitSeconds: 0 })).rejects.toBeInstanceOf(SourceError);
    expect(clock.waits).toEqual([]);
  });

  it("a failure other than throttling rejects at once (fail closed)", async () => {
    const clock = sleepingClock();
    const denied = new SourceError("ssm: access denied", { source: "ssm", kind: "access-denied" });
    const source: ConnectionSource = {
      name: "ssm",
      get: async () => {
        throw denied;
      },
    };
    const resolver = createResolver({ sources: [source], clock });
    await expect(resolver.preload(["a"])).rejects.toMatchObject({
      message: expect.stringContaining("access denied"),
    });
    expect(clock.waits).toEqual([]);
  });

  it("the caller's signal stops the wait with its own reason", async () => {
    const source = quotaSource({ a: "x" }, ["a"], 1000);
    const resolver = createResolver({ sources: [source] }); // the real timer
    const controller = new AbortController();
    const reason = new Error("start-up deadline");
    setTimeout(() => controller.abort(reason), 20);
    await expect(resolver.preload(["a"], { signal: controller.signal })).rejects.toBe(reason);
  });

  it("refuses a waitSeconds that is not a number >= 0", async () => {
    const resolver = createResolver({ sources: [quotaSource({}, [], 0)] });
    await expect(resolver.preload(["a"], { waitSeconds: -1 })).rejects.toThrow(/waitSeconds/);
  });
});

describe("preloadVariables waits out throttling as preload does", () => {
  /** A Variables source (cached: not named env or file) that throttles `region` for its first `rounds` asks. */
  function throttlingVariables(rounds: number) {
    const asked: string[] = [];
    let left = rounds;
    const source = {
      name: "vault",
      get: async () => undefined,
      async getVariable(key: string) {
        asked.push(key);
        if (key === "region" && left-- > 0) throw throttle();
        return key === "gone" ? undefined : { value: `${key}-value`, origin: `vault:${key}` };
      },
    };
    return { source, asked };
  }

  it("asks the throttled keys again after a jittered wait, with a warning, and finds them", async () => {
    const clock = sleepingClock();
    const log = eventLog();
    const { source, asked } = throttlingVariables(2);
    const resolver = createResolver({ sources: [source], clock, logger: log.logger }, { env: {} });
    expect(await resolver.preloadVariables(["region", "bucket", "gone"])).toEqual({
      found: ["region", "bucket"],
      notFound: ["gone"],
    });
    expect(clock.waits).toHaveLength(2);
    expect(asked.filter((k) => k === "region")).toHaveLength(3);
    expect(asked.filter((k) => k === "bucket")).toHaveLength(1);
    const warnings = log.events.filter((e) => "code" in e && e.code === "PRELOAD_THROTTLED");
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ message: expect.stringMatching(/1 of 3 Variable keys throttled/) });
    expect((await resolver.getVariable("region")).value).toBe("region-value");
  });

  it("rejects with the throttling error once waitSeconds is used up (0: at once)", async () => {
    const { source } = throttlingVariables(100);
    const resolver = createResolver({ sources: [source], clock: sleepingClock() }, { env: {} });
    await expect(resolver.preloadVariables(["region"], { waitSeconds: 0 })).rejects.toMatchObject({
      kind: "throttled",
    });
  });
});
