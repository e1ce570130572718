import { LRUCache } from "lru-cache";
import { describe, expect, it } from "vitest";
import { lastEntryGuard } from "./lastEntryGuard.js";

const FILLER = { filler: true };
const keys = (lru: LRUCache<string, object>) =>
  [...lru.dump()].map(([k]) => k).filter((k) => typeof k === "string");

describe("lastEntryGuard", () => {
  it("deleting the last id leaves only the placeholder, which the next set removes", () => {
    const lru = new LRUCache<string, object>({ max: 1000 });
    const entries = lastEntryGuard(lru, FILLER);
    entries.set("a", { a: 1 });
    entries.delete("a");
    expect(lru.size).toBe(1);
    expect(keys(lru)).toEqual([]);
    expect(lru.get("a")).toBeUndefined();
    entries.set("b", { b: 1 });
    expect(lru.size).toBe(1);
    expect(keys(lru)).toEqual(["b"]);
  });

  it("never takes a slot from an id: max 1 and max 2 keep that many ids", () => {
    for (const max of [1, 2]) {
      const lru = new LRUCache<string, object>({ max });
      const entries = lastEntryGuard(lru, FILLER);
      for (const id of ["a", "b", "c"]) {
        entries.set(id, { id });
        entries.delete(id);
        entries.set(id, { id });
      }
      expect(keys(lru).sort()).toEqual(max === 1 ? ["c"] : ["b", "c"]);
      expect(lru.size).toBe(max);
    }
  });

  it("deleting an id that is not there changes nothing an id can see", () => {
    const lru = new LRUCache<string, object>({ max: 10 });
    const entries = lastEntryGuard(lru, FILLER);
    entries.delete("missing");
    entries.set("a", { a: 1 });
    entries.delete("missing");
    expect(keys(lru)).toEqual(["a"]);
  });
});
