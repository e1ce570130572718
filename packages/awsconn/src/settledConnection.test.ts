import { parseConnectionUri, type SourceHit } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { settledConnection } from "./CachedValue.js";

const hit = (id: string): SourceHit => ({
  connection: parseConnectionUri("aws://h", id),
  origin: `memory:${id}`,
});

describe("settledConnection", () => {
  it("the same hit asked for in a row gets the same settled promise", async () => {
    const a = hit("a");
    expect(settledConnection(a)).toBe(settledConnection(a));
    expect(await settledConnection(a)).toBe(a.connection);
  });

  it("keeps one promise, not one per hit: another hit in between gets a new one", async () => {
    const a = hit("a");
    const b = hit("b");
    const first = settledConnection(a);
    expect(await settledConnection(b)).toBe(b.connection);
    const again = settledConnection(a);
    expect(again).not.toBe(first);
    expect(await again).toBe(a.connection);
  });
});
