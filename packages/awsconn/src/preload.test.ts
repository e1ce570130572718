import { SourceError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { fakeClock, memorySource } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";

describe("preload and getMany", () => {
  it("asks each source once for the ids still open, through getMany, and caches what it found", async () => {
    const env = memorySource("env", { a: { host: "env-a" } });
    const sm = memorySource("secretsmanager", { b: { host: "sm-b" } }, { batch: true });
    const ssm = memorySource("ssm", { c: { host: "ssm-c" }, b: { host: "ssm-b" } }, { batch: true });
    const resolver = createResolver({ sources: [env, sm, ssm], clock: fakeClock() });

    const result = await resolver.preload(["a", "b", "c", "d", "b"]);

    expect(result).toEqual({ found: ["a", "b", "c"], notFound: ["d"] });
    expect(sm.state.batchCalls).toEqual([["b", "c", "d"]]);
    expect(ssm.state.batchCalls).toEqual([["c", "d"]]);

    expect((await resolver.get("b")).host).toBe("sm-b");
    expect((await resolver.get("c")).host).toBe("ssm-c");
    await expect(resolver.get("d")).rejects.toThrow(/not found/);
    expect(sm.state.calls + ssm.state.calls).toBe(0);
  });

  it("skips ids already fresh in the cache", async () => {
    const sm = memorySource("secretsmanager", { a: {}, b: {} }, { batch: true });
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });
    await resolver.get("a");

    await resolver.preload(["a", "b"]);

    expect(sm.state.batchCalls).toEqual([["b"]]);
  });

  it("falls back to parallel get() for sources without getMany", async () => {
    const plain = memorySource("custom", { a: {}, b: {} });
    const resolver = createResolver({ sources: [plain], clock: fakeClock() });
    await resolver.preload(["a", "b", "z"]);
    expect(plain.state.calls).toBe(3);
  });

  it("getMany returns the found connections and leaves absent ids out", async () => {
    const sm = memorySource("secretsmanager", { a: { host: "ha" }, b: { host: "hb" } }, { batch: true });
    const resolver = createResolver({ sources: [sm], clock: fakeClock() });

    const map = await resolver.getMany(["a", "b", "zz"]);

    expect([...map.keys()].sort()).toEqual(["a", "b"]);
    expect(map.get("b")?.host).toBe("hb");
  });

  it("a failing source rejects (fail closed); with onError skip the ids move on to the next source", async () => {
    const sm = memorySource("secretsmanager", { a: {} }, { batch: true });
    sm.state.failWith = new SourceError("AccessDeniedException", { source: "secretsmanager" });
    const ssm = memorySource("ssm", { a: { host: "from-ssm" } }, { batch: true });

    await expect(
      createResolver({ sources: [sm, ssm], clock: fakeClock() }).preload(["a"]),
    ).rejects.toBeInstanceOf(SourceError);
    expect(ssm.state.batchCalls).toEqual([]);

    const skipping = createResolver({ sources: [{ source: sm, onError: "skip" }, ssm], clock: fakeClock() });
    expect((await skipping.getMany(["a"])).get("a")?.host).toBe("from-ssm");
  });

  it("merge mode: every layer is asked for every id", async () => {
    const hi = memorySource("hi", { a: { host: "hi-a" } }, { batch: true });
    const lo = memorySource("lo", { a: { port: 1 }, b: { port: 2 } }, { batch: true });
    const resolver = createResolver({ sources: [hi, lo], mode: "merge", clock: fakeClock() });

    const map = await resolver.getMany(["a", "b"]);

    expect(lo.state.batchCalls).toEqual([["a", "b"]]);
    expect(map.get("a")).toMatchObject({ host: "hi-a", port: 1 });
    expect(map.get("b")).toMatchObject({ port: 2 });
  });
});
