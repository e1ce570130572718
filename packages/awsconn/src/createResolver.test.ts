import {
  ConnectionFormatError,
  ConnectionNotFoundError,
  InvalidConnIdError,
  SourceError,
} from "@awsconn/core";
import { describe, expect, it } from "vitest";
import { eventLog, fakeClock, memorySource } from "../test/helpers.js";
import { isCachedSource } from "./CachedSource.js";
import { createResolver } from "./createResolver.js";

describe("createResolver: priority chain (mode first)", () => {
  it("the first source that has the id wins; lower ones are not asked", async () => {
    const high = memorySource("high", { db: { host: "high.example" } });
    const low = memorySource("low", { db: { host: "low.example" } });
    const resolver = createResolver({ sources: [high, low], clock: fakeClock() });

    const conn = await resolver.get("db");

    expect(conn.host).toBe("high.example");
    expect(low.state.calls).toBe(0);
  });

  it('"not here" passes to the next source', async () => {
    const high = memorySource("high", {});
    const low = memorySource("low", { db: { host: "low.example" } });
    const resolver = createResolver({ sources: [high, low], clock: fakeClock() });

    expect((await resolver.get("db")).host).toBe("low.example");
    expect(high.state.calls).toBe(1);
  });

  it("found nowhere -> ConnectionNotFoundError naming every source consulted", async () => {
    const resolver = createResolver({ sources: [memorySource("a"), memorySource("b")], clock: fakeClock() });

    const error = await resolver.get("nope").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConnectionNotFoundError);
    expect((error as ConnectionNotFoundError).sources).toEqual(["a", "b"]);
  });

  it("a failing source stops the lookup (fail closed): the lower source's value is NOT used", async () => {
    const high = memorySource("secretsmanager", {});
    high.state.failWith = new SourceError("AccessDeniedException", { source: "secretsmanager" });
    const low = memorySource("fallback", { aws_default: { login: "WRONG" } });
    const resolver = createResolver({ sources: [high, low], clock: fakeClock() });

    await expect(resolver.get("aws_default")).rejects.toBeInstanceOf(SourceError);
    expect(low.state.calls).toBe(0);
  });

  it('onError: "skip" passes a failing source over to the next one (Airflow behaviour)', async () => {
    const high = memorySource("secretsmanager", {});
    high.state.failWith = new SourceError("throttled", { source: "secretsmanager", retryable: true });
    const low = memorySource("fallback", { aws_default: { login: "AKIA" } });
    const log = eventLog();
    const resolver = createResolver({
      sources: [{ source: high, onError: "skip" }, low],
      clock: fakeClock(),
      logger: log.logger,
    });

    expect((await resolver.get("aws_default")).login).toBe("AKIA");
    expect(log.events).toContainEqual(
      expect.objectContaining({ type: "error", source: "secretsmanager", skipped: true }),
    );
  });

  it("malformed data stops the lookup too (ConnectionFormatError is surfaced, not skipped)", async () => {
    const bad = memorySource("file", {});
    bad.state.failWith = new ConnectionFormatError("port must be an integer", {
      origin: "file:c.yaml",
      line: 3,
    });
    const low = memorySource("low", { db: { host: "h" } });
    const resolver = createResolver({ sources: [bad, low], clock: fakeClock() });

    await expect(resolver.get("db")).rejects.toBeInstanceOf(ConnectionFormatError);
  });

  it("a foreign error becomes a SourceError that names only the error class, never its message", async () => {
    const weird = memorySource("custom", {});
    weird.state.failWith = new TypeError("cannot parse postgres://user:hunter2@db");
    const resolver = createResolver({ sources: [weird], clock: fakeClock() });

    const error = (await resolver.get("db").catch((e: unknown) => e)) as SourceError;

    expect(error).toBeInstanceOf(SourceError);
    expect(error.source).toBe("custom");
    expect(error.message).toContain("TypeError");
    expect(error.message).not.toContain("hunter2");
  });

  it("an invalid id is refused before any source is asked", async () => {
    const src = memorySource("a", {});
    const resolver = createResolver({ sources: [src], clock: fakeClock() });

    await expect(resolver.get("../etc/passwd")).rejects.toBeInstanceOf(InvalidConnIdError);
    await expect(resolver.explain("bad id")).rejects.toBeInstanceOf(InvalidConnIdError);
    expect(src.state.calls).toBe(0);
  });

  it("labels repeated source names name#N so explain can tell them apart", async () => {
    const resolver = createResolver({ sources: [memorySource("file"), memorySource("file", { x: {} })] });

    const explanation = await resolver.explain("x");

    expect(explanation.steps.map((s) => s.source)).toEqual(["file#1", "file#2"]);
    expect(explanation.winner?.source).toBe("file#2");
  });

  it("exposes its sources in priority order", () => {
    const a = memorySource("a");
    const b = memorySource("b");
    const sources = createResolver({ sources: [a, { source: b }] }).sources;
    expect(sources.map((s) => s.name)).toEqual(["a", "b"]);
    // remote sources are asked through their cache, which wraps the source given
    expect(sources.map((s) => (isCachedSource(s) ? s.inner : s))).toEqual([a, b]);
  });
});
