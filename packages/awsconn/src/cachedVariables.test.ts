import { SourceError, type VariableHit, type VariableSource } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { deferred, fakeClock } from "../test/helpers.js";
import { cachedVariables } from "./cachedVariables.js";

function counting(values: Record<string, string>, gate?: Promise<unknown>) {
  const state = { calls: 0 };
  const source: VariableSource = {
    name: "remote",
    async getVariable(key): Promise<VariableHit | undefined> {
      state.calls++;
      await gate;
      const value = values[key];
      return value === undefined ? undefined : { value, origin: `remote:${key}` };
    },
  };
  return { source, state };
}

const CACHE = { ttlSeconds: 60, negativeTtlSeconds: 5, maxEntries: 10 };

describe("cachedVariables", () => {
  it("a hit is kept for ttlSeconds, 'not here' for negativeTtlSeconds", async () => {
    const clock = fakeClock();
    const { source, state } = counting({ a: "1" });
    const cached = cachedVariables(source, CACHE, clock);
    expect((await cached.getVariable("a"))?.value).toBe("1");
    expect(await cached.getVariable("b")).toBeUndefined();
    clock.advance(4);
    await cached.getVariable("a");
    await cached.getVariable("b");
    expect(state.calls).toBe(2);
    clock.advance(2); // 6 s: the miss expired, the hit has not
    await cached.getVariable("a");
    await cached.getVariable("b");
    expect(state.calls).toBe(3);
    clock.advance(55);
    await cached.getVariable("a");
    expect(state.calls).toBe(4);
  });

  it("concurrent lookups of one key share one call; an aborted caller leaves the others waiting", async () => {
    const gate = deferred();
    const { source, state } = counting({ a: "1" }, gate.promise);
    const cached = cachedVariables(source, CACHE, fakeClock());
    const controller = new AbortController();
    const aborted = cached.getVariable("a", { signal: controller.signal });
    const others = [cached.getVariable("a"), cached.getVariable("a")];
    controller.abort(new Error("caller gave up"));
    await expect(aborted).rejects.toThrow("caller gave up");
    gate.resolve();
    expect((await Promise.all(others)).map((h) => h?.value)).toEqual(["1", "1"]);
    expect(state.calls).toBe(1);
  });

  it("a failure is not cached; ttlSeconds 0 keeps nothing; clear() forgets", async () => {
    let fail = true;
    const source: VariableSource = {
      name: "flaky",
      async getVariable() {
        if (fail) throw new SourceError("down", { source: "flaky" });
        return { value: "v", origin: "flaky:a" };
      },
    };
    const cached = cachedVariables(source, CACHE, fakeClock());
    await expect(cached.getVariable("a")).rejects.toThrow("down");
    fail = false;
    expect((await cached.getVariable("a"))?.value).toBe("v");

    const { source: plain, state } = counting({ a: "1" });
    const off = cachedVariables(plain, { ...CACHE, ttlSeconds: 0, negativeTtlSeconds: 0 }, fakeClock());
    await off.getVariable("a");
    await off.getVariable("a");
    expect(state.calls).toBe(2);
    const on = cachedVariables(plain, CACHE, fakeClock());
    await on.getVariable("a");
    on.clear();
    await on.getVariable("a");
    expect(state.calls).toBe(4);
  });
});
