import { describe, expect, it } from "vitest";
import type { CredentialIdentity } from "./containerCredentials.js";
import { type CredentialProvider, SERVE_REFRESH_WINDOW_MS, servedCredentials } from "./servedCredentials.js";

const MIN = 60_000;

/** A provider like the resolver's memoized one: cached until forceRefresh; each fetch issues `lifetime` ms. */
function fakeProvider(clock: { now: number }, lifetimeMs: number) {
  let fetches = 0;
  let cached: CredentialIdentity | undefined;
  const fetch = (): CredentialIdentity => {
    fetches += 1;
    return {
      accessKeyId: `ASIA${fetches}`,
      secretAccessKey: "s",
      expiration: new Date(clock.now + lifetimeMs),
    };
  };
  const provider: CredentialProvider = async (p) => {
    if (!cached || p?.forceRefresh) cached = fetch();
    return cached;
  };
  return { provider, fetches: () => fetches };
}

describe("servedCredentials", () => {
  it("passes credentials with more than the window left through untouched", async () => {
    const clock = { now: 0 };
    const fake = fakeProvider(clock, 60 * MIN);
    const serve = servedCredentials({ now: () => clock.now });
    expect((await serve(fake.provider)).accessKeyId).toBe("ASIA1");
    clock.now = 60 * MIN - SERVE_REFRESH_WINDOW_MS - 1;
    expect((await serve(fake.provider)).accessKeyId).toBe("ASIA1");
    expect(fake.fetches()).toBe(1);
  });

  it("inside botocore's 15-minute window: one forced refresh, shared by concurrent callers", async () => {
    const clock = { now: 0 };
    const fake = fakeProvider(clock, 60 * MIN);
    const serve = servedCredentials({ now: () => clock.now });
    await serve(fake.provider);
    clock.now = 50 * MIN; // 10 minutes left
    const got = await Promise.all(Array.from({ length: 20 }, () => serve(fake.provider)));
    expect(new Set(got.map((c) => c.accessKeyId))).toEqual(new Set(["ASIA2"]));
    expect(fake.fetches()).toBe(2);
    clock.now = 100 * MIN; // the new ones are now inside the window too: refreshed again
    expect((await serve(fake.provider)).accessKeyId).toBe("ASIA3");
  });

  it("short sessions (already inside the window when issued) are served without a refresh per request", async () => {
    const clock = { now: 0 };
    const fake = fakeProvider(clock, 10 * MIN);
    const serve = servedCredentials({ now: () => clock.now });
    for (let i = 0; i < 10; i++) {
      expect((await serve(fake.provider)).accessKeyId).toBe("ASIA1");
      clock.now += 1000;
    }
    expect(fake.fetches()).toBe(1);
  });

  it("a refresh that brings nothing new (the source failed, the cached ones came back) is not retried per request", async () => {
    const clock = { now: 0 };
    let forced = 0;
    const cached: CredentialIdentity = {
      accessKeyId: "ASIA1",
      secretAccessKey: "s",
      expiration: new Date(60 * MIN),
    };
    const provider: CredentialProvider = async (p) => {
      if (p?.forceRefresh) forced += 1;
      return cached;
    };
    const serve = servedCredentials({ now: () => clock.now });
    await serve(provider);
    clock.now = 50 * MIN;
    for (let i = 0; i < 5; i++) expect(await serve(provider)).toBe(cached);
    expect(forced).toBe(1);
  });

  it("credentials without expiration (long-term keys) are never refreshed", async () => {
    let calls = 0;
    const provider: CredentialProvider = async () => {
      calls += 1;
      return { accessKeyId: "AKIA", secretAccessKey: "s" };
    };
    const serve = servedCredentials();
    await serve(provider);
    await serve(provider);
    expect(calls).toBe(2); // one plain call each, no forceRefresh
  });
});
