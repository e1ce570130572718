import { describe, expect, it } from "vitest";
import { RecentMap } from "./RecentMap.js";

describe("RecentMap", () => {
  it("keeps at most max keys, dropping the least recently used (a get counts as a use)", () => {
    const memo = new RecentMap<number>(2);
    memo.set("a", 1);
    memo.set("b", 2);
    expect(memo.get("a")).toBe(1);
    memo.set("c", 3);
    expect([...memo.keys()]).toEqual(["a", "c"]);
    expect(memo.get("b")).toBeUndefined();
  });

  it("setting a key again moves it to the end and keeps one entry for it", () => {
    const memo = new RecentMap<number>(2);
    memo.set("a", 1);
    memo.set("b", 2);
    memo.set("a", 10);
    memo.set("c", 3);
    expect([...memo.keys()]).toEqual(["a", "c"]);
    expect(memo.get("a")).toBe(10);
  });

  it("delete and clear; a max below 1 keeps one key", () => {
    const memo = new RecentMap<number>(0);
    memo.set("a", 1);
    memo.set("b", 2);
    expect([...memo.keys()]).toEqual(["b"]);
    expect(memo.delete("b")).toBe(true);
    memo.set("c", 3);
    memo.clear();
    expect([...memo.keys()]).toEqual([]);
  });
});
