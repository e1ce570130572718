// resolver.getVariables / preloadVariables / explainVariable / listVariables, and the Variable events.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SourceError } from "@awsconn/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { eventLog, fakeClock, memoryVariables } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";
import { isVariableEvent } from "./ResolverEvent.js";

const SECRET = "planted-var-s3cr3t";
const dir = mkdtempSync(join(tmpdir(), "awsconn-vars-api-"));
const variablesPath = join(dir, "variables.yaml");
writeFileSync(variablesPath, `bucket: from-file\napi_token: ${SECRET}\nempty: null\n`);
const connectionsPath = join(dir, "connections.json");
writeFileSync(connectionsPath, "{}");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("resolver.getVariables and preloadVariables", () => {
  it("a Map of the keys found (absent ones left out), each once; preload says found / not found and fills the cache", async () => {
    const remote = memoryVariables("vault", { region: "eu-west-1", bucket: "b" });
    const resolver = createResolver({ sources: [remote.source], clock: fakeClock() });
    const found = await resolver.getVariables(["region", "gone", "region"]);
    expect([...found.keys()]).toEqual(["region"]);
    expect(found.get("region")).toEqual({ value: "eu-west-1", source: "vault", origin: "vault:region" });
    expect(remote.state.calls).toBe(2);

    expect(await resolver.preloadVariables(["bucket", "nope"])).toEqual({
      found: ["bucket"],
      notFound: ["nope"],
    });
    const calls = remote.state.calls;
    await resolver.getVariable("bucket"); // from the cache preload filled
    expect(remote.state.calls).toBe(calls);
  });

  it("a failing source rejects as getVariable does; onError skip passes to the next", async () => {
    const failing = memoryVariables("vault", {}, new SourceError("denied", { source: "vault" }));
    const low = memoryVariables("low", { region: "low" });
    const closed = createResolver({ sources: [failing.source, low.source] });
    await expect(closed.getVariables(["region"])).rejects.toBeInstanceOf(SourceError);
    await expect(closed.preloadVariables(["region"])).rejects.toBeInstanceOf(SourceError);
    const skipping = createResolver({ sources: [{ source: failing.source, onError: "skip" }, low.source] });
    expect((await skipping.getVariables(["region"])).get("region")?.value).toBe("low");
  });
});

describe("resolver.explainVariable", () => {
  it("every source in priority order with outcome, origin and cache state; never the value", async () => {
    vi.stubEnv("AIRFLOW_VAR_API_TOKEN", undefined as unknown as string);
    const remote = memoryVariables("vault", { api_token: SECRET });
    const resolver = createResolver({
      sources: [
        { type: "env" },
        { type: "file", path: connectionsPath, variablesPath },
        { source: remote.source, onError: "skip" },
      ],
      clock: fakeClock(),
    });
    const e = await resolver.explainVariable("api_token");
    expect(e).toEqual({
      key: "api_token",
      winner: { source: "file", origin: `file:${variablesPath}:2` },
      steps: [
        { source: "env", outcome: "miss", ms: 0 },
        { source: "file", outcome: "hit", ms: 0, origin: `file:${variablesPath}:2` },
      ],
    });
    expect(JSON.stringify(e)).not.toContain(SECRET);

    const fromVault = await resolver.explainVariable("other");
    expect(fromVault.winner).toBeNull();
    expect(fromVault.steps.map((s) => [s.source, s.outcome, s.cache])).toEqual([
      ["env", "miss", undefined],
      ["file", "miss", undefined],
      ["vault", "miss", "call"],
    ]);
  });

  it("a failing source is a step (error, or skipped), not a rejection", async () => {
    const failing = memoryVariables("vault", {}, new SourceError("denied", { source: "vault" }));
    const low = memoryVariables("low", { region: "low" });
    const e = await createResolver({ sources: [failing.source, low.source] }).explainVariable("region");
    expect(e.winner).toBeNull();
    expect(e.steps).toEqual([
      {
        source: "vault",
        outcome: "error",
        ms: expect.any(Number),
        error: { name: "SourceError", code: "SOURCE_FAILED", message: "vault: denied" },
      },
    ]);
    const skipped = await createResolver({
      sources: [{ source: failing.source, onError: "skip" }, low.source],
    }).explainVariable("region");
    expect(skipped.steps.map((s) => s.outcome)).toEqual(["skipped", "hit"]);
    await expect(createResolver({ sources: [low.source] }).explainVariable("")).rejects.toThrow(TypeError);
  });
});

describe("resolver.listVariables", () => {
  it("env lists its AIRFLOW_VAR_ keys (lower-cased), a file its keys (SSM and Secrets Manager: test/variables.test.ts)", async () => {
    vi.stubEnv("LISTVAR_REGION", "eu-west-1");
    vi.stubEnv("LISTVAR_EMPTY", "");
    const resolver = createResolver({
      sources: [
        { type: "env", variablesPrefix: "LISTVAR_" },
        { type: "file", path: connectionsPath, variablesPath },
      ],
    });
    expect(await resolver.listVariables()).toEqual([
      { source: "env", keys: ["empty", "region"] },
      { source: "file", keys: ["api_token", "bucket"] },
    ]);
  });

  it("a code-given source without listVariables cannot list; a broken file fails the listing", async () => {
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "a: [1\n");
    const remote = memoryVariables("vault", {});
    const resolver = createResolver({ sources: [remote.source] });
    expect(await resolver.listVariables()).toEqual([
      {
        source: "vault",
        keys: null,
        reason: "vault: cannot list Variables (the source has no listVariables())",
      },
    ]);
    const bad = createResolver({ sources: [{ type: "file", path: connectionsPath, variablesPath: broken }] });
    await expect(bad.listVariables()).rejects.toThrow(/broken\.yaml/);
  });
});

describe("resolver.invalidateVariable", () => {
  it("forgets one cached Variable in every source's cache; other keys and connections stay cached", async () => {
    const first = memoryVariables("vault", { region: "eu-west-1" });
    const second = memoryVariables("vault2", { bucket: "b" });
    const resolver = createResolver({ sources: [first.source, second.source], clock: fakeClock() });
    await resolver.getVariables(["region", "bucket"]);
    const calls = () => [first.state.calls, second.state.calls];
    expect(calls()).toEqual([2, 1]); // vault: region and bucket (a miss); vault2: bucket
    resolver.invalidateVariable("bucket");
    await resolver.getVariables(["region", "bucket"]);
    expect(calls()).toEqual([3, 2]); // bucket asked again in both caches, region from the cache
    resolver.invalidateVariable("never-looked-up");
    resolver.invalidate("bucket"); // a connection id: the Variable cache is not touched
    await resolver.getVariable("bucket");
    expect(calls()).toEqual([3, 2]);
  });
});

describe("Variable events", () => {
  it("carry key and kind: variable, never connId or the value; a console-like logger warns on variable-error", async () => {
    const log = eventLog();
    const remote = memoryVariables("vault", { api_token: SECRET });
    const failing = memoryVariables("down", {}, new SourceError("denied", { source: "down" }));
    const resolver = createResolver({
      sources: [{ source: failing.source, onError: "skip" }, remote.source],
      logger: log.logger,
      clock: fakeClock(),
    });
    await resolver.getVariable("api_token");
    await resolver.getVariable("api_token"); // fresh from the cache: no second hit event
    await resolver.getVariable("gone").catch(() => {});
    expect(log.events).toEqual([
      {
        type: "variable-error",
        kind: "variable",
        key: "api_token",
        source: "down",
        code: "SOURCE_FAILED",
        error: "down: denied",
        skipped: true,
      },
      {
        type: "variable-hit",
        kind: "variable",
        key: "api_token",
        source: "vault",
        origin: "vault:api_token",
        ms: 0,
      },
      expect.objectContaining({ type: "variable-error", key: "api_token" }),
      expect.objectContaining({ type: "variable-error", key: "gone" }),
      { type: "variable-miss", kind: "variable", key: "gone", sources: ["down", "vault"], ms: 0 },
    ]);
    expect(log.events.every(isVariableEvent)).toBe(true);
    expect(log.events.some((e) => "connId" in e)).toBe(false);
    expect(JSON.stringify(log.events)).not.toContain(SECRET);
    expect(isVariableEvent({ type: "miss", connId: "x", sources: [], ms: 0 })).toBe(false);

    const warn = vi.fn();
    const debug = vi.fn();
    const consoleLike = createResolver({
      sources: [{ source: failing.source, onError: "skip" }, remote.source],
      logger: { warn, debug },
    });
    await consoleLike.getVariable("api_token");
    expect(warn).toHaveBeenCalledWith(
      "awsconn: down failed for Variable api_token (skipped): down: denied",
      expect.objectContaining({ type: "variable-error" }),
    );
    expect(debug).toHaveBeenCalledWith(
      "awsconn: Variable api_token found in vault (vault:api_token)",
      expect.objectContaining({ type: "variable-hit" }),
    );
  });
});
