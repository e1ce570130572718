import { ConfigError } from "@awsconn/core";
import { describe, expect, it } from "vitest";
import type { SourceWarning } from "./SourceWarning.js";
import { type IdManifest, idManifest } from "./idManifest.js";

/** A manifest over a fake listing, with a clock the test moves. */
function setup(listed: string[] = ["a", "b"]) {
  let now = 1_000;
  const listings: number[] = [];
  const warnings: SourceWarning[] = [];
  let failing = false;
  let release: (() => void) | undefined;
  let hold = false;
  const init = {
    knownIds: { refreshSeconds: 60 },
    clock: { now: () => now },
    onWarning: (w: SourceWarning) => warnings.push(w),
  };
  const manifest = idManifest("ssm", init, async function* () {
    listings.push(now);
    if (hold) await new Promise<void>((r) => (release = r));
    if (failing)
      throw new Error('ssm: GetParametersByPath "/airflow/connections" failed: AccessDeniedException');
    yield* listed;
  }) as IdManifest;
  return {
    manifest,
    listings,
    warnings,
    listed,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
    fail: (on: boolean) => {
      failing = on;
    },
    holdNext: () => {
      hold = true;
      return () => {
        hold = false;
        release?.();
      };
    },
  };
}

describe("idManifest", () => {
  it("lists once per interval: listed ids are known, others are misses without another listing", async () => {
    const t = setup();
    expect(await t.manifest.knows("a")).toBe(true);
    expect(await t.manifest.knows("zz")).toBe(false);
    t.advance(59);
    expect(await t.manifest.knows("b")).toBe(true);
    expect(t.listings).toHaveLength(1);
  });

  it("lists again after the interval, once for concurrent lookups, and sees new ids", async () => {
    const t = setup();
    await t.manifest.knows("a");
    t.listed.push("c");
    t.advance(60);
    const go = t.holdNext();
    const answers = Promise.all([t.manifest.knows("c"), t.manifest.knows("a"), t.manifest.knows("x")]);
    await Promise.resolve();
    go();
    expect(await answers).toEqual([true, true, false]);
    expect(t.listings).toHaveLength(2);
  });

  it("a failed listing: a warning, no manifest (undefined: ask the backend), listed again one interval later", async () => {
    const t = setup();
    await t.manifest.knows("a");
    t.advance(60);
    t.fail(true);
    expect(await t.manifest.knows("a")).toBeUndefined();
    expect(await t.manifest.knows("zz")).toBeUndefined();
    expect(t.listings).toHaveLength(2);
    expect(t.warnings).toEqual([
      expect.objectContaining({
        code: "KNOWN_IDS_UNAVAILABLE",
        message: expect.stringContaining("AccessDeniedException"),
      }),
    ]);
    t.advance(30);
    expect(await t.manifest.knows("a")).toBeUndefined();
    expect(t.listings).toHaveLength(2);
    t.fail(false);
    t.advance(30);
    expect(await t.manifest.knows("zz")).toBe(false);
    expect(t.listings).toHaveLength(3);
  });

  it("add() records an id written by the source; an abort ends only the caller's wait", async () => {
    const t = setup();
    await t.manifest.knows("a");
    t.manifest.add("new");
    expect(await t.manifest.knows("new")).toBe(true);
    t.advance(60);
    const go = t.holdNext();
    const caller = new AbortController();
    const waiting = t.manifest.knows("a", caller.signal);
    caller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    const other = t.manifest.knows("a");
    go();
    expect(await other).toBe(true);
    expect(t.listings).toHaveLength(2);
  });

  it("is no manifest without knownIds", () => {
    expect(idManifest("ssm", {}, async function* () {})).toBeUndefined();
  });

  it("refuses a refreshSeconds that is not a positive number", () => {
    for (const refreshSeconds of [0, -1, Number.NaN, "60" as unknown as number]) {
      expect(() => idManifest("ssm", { knownIds: { refreshSeconds } }, async function* () {})).toThrow(
        ConfigError,
      );
    }
  });
});
