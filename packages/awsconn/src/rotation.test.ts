import { Readable } from "node:stream";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createConnection } from "@awsconn/core";
import { revokedKeyReply, sigV4AccessKeyId } from "@awsconn/testkit/faults";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeClock, flush, memorySource } from "../test/helpers.js";
import { createResolver } from "./createResolver.js";
import type { Resolver } from "./Resolver.js";
import { isCachedSource } from "./CachedSource.js";
import { RENEW_INTERVAL_MS } from "./renewalGate.js";
import { MIN_LEASE_MS, rotatingCredentials, withoutLease } from "./rotatingCredentials.js";

// Rotation rules of getAwsClientConfig (issue 18 item 5), on an injectable clock: the resolver's
// clock drives the cache, Date (faked alone) the leases' wall-clock expirations.
const TTL_S = 300;
const keys = (n: string) => ({
  connType: "aws",
  login: `AKIA${n}`,
  password: `secret-${n}`,
  extra: { region_name: "us-east-1" },
});

function setup(options: { staleWhileRevalidate?: boolean } = {}) {
  const sm = memorySource("secretsmanager", { aws_default: keys("A") });
  const clock = fakeClock();
  const resolver = createResolver({
    sources: [sm],
    clock,
    cache: { ttlSeconds: TTL_S, staleWhileRevalidate: options.staleWhileRevalidate ?? true },
  });
  const cached = resolver.sources[0];
  if (!cached || !isCachedSource(cached)) throw new Error("the secretsmanager source should be cached");
  /** Moves both clocks. */
  const advance = (ms: number) => {
    clock.t += ms;
    vi.setSystemTime(Date.now() + ms);
  };
  return { sm, clock, resolver, cached, advance };
}

/** An STS endpoint as a request handler: refuses revoked key ids as STS does; records the key of every attempt. */
function fakeSts() {
  const revoked = new Set<string>();
  const attempts: string[] = [];
  const requestHandler = {
    async handle(request: { headers: Record<string, string>; body?: unknown }) {
      const key = sigV4AccessKeyId(request.headers) ?? "";
      attempts.push(key);
      const reply = revoked.has(key)
        ? revokedKeyReply({ headers: request.headers, body: String(request.body ?? "") })
        : {
            status: 200,
            headers: { "content-type": "text/xml" },
            body: `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/${key}</Arn><UserId>${key}</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>ok</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
          };
      return {
        response: {
          statusCode: reply.status,
          reason: "",
          headers: reply.headers ?? {},
          body: Readable.from([Buffer.from(reply.body ?? "")]),
        },
      };
    },
  };
  return { revoked, attempts, requestHandler };
}

/** An STS client made from the resolver's config, talking to {@link fakeSts}. */
async function stsClientOf(resolver: Resolver) {
  const sts = fakeSts();
  const config = await resolver.getAwsClientConfig("aws_default", "sts");
  return { sts, client: new STSClient({ ...config, requestHandler: sts.requestHandler }) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("rotation: leases tied to the cache", () => {
  it("static keys from a cached connection expire when the cached answer stops being fresh (a first answer: 10-100% of ttlSeconds)", async () => {
    // Prepare
    const { resolver, cached, advance } = setup();
    const config = await resolver.getAwsClientConfig("aws_default", "sts");
    // Act
    const first = await config.credentials();
    const lifetime = cached.freshForMs("aws_default");
    advance(10_000);
    const again = await config.credentials();
    // Assess
    expect(first.accessKeyId).toBe("AKIAA");
    expect(first.expiration?.getTime()).toBe(Date.now() - 10_000 + lifetime);
    expect(lifetime).toBeGreaterThanOrEqual(0.1 * TTL_S * 1000);
    expect(lifetime).toBeLessThanOrEqual(TTL_S * 1000);
    expect(again).toBe(first); // the same lease while the cached answer is the same
    expect(withoutLease(first)).toEqual({ accessKeyId: "AKIAA", secretAccessKey: "secret-A" });
  });

  it("rotated keys are picked up once the lease ends: stale-while-revalidate hands the old keys for MIN_LEASE_MS while it refreshes", async () => {
    const { sm, resolver, cached, advance } = setup();
    const config = await resolver.getAwsClientConfig("aws_default", "sts");
    const first = await config.credentials();
    sm.state.data.aws_default = keys("B");
    advance(cached.freshForMs("aws_default") - 1);
    expect((await config.credentials()).accessKeyId).toBe("AKIAA"); // still fresh: no backend call
    expect(sm.state.calls).toBe(1);

    advance(2); // past the lease's end
    const during = await config.credentials();
    expect(during.accessKeyId).toBe("AKIAA");
    expect(during.expiration?.getTime()).toBe(Date.now() + MIN_LEASE_MS);
    await flush();
    const rotated = await config.credentials();
    expect(rotated).toMatchObject({ accessKeyId: "AKIAB", secretAccessKey: "secret-B" });
    expect(rotated.expiration?.getTime()).toBe(Date.now() + cached.freshForMs("aws_default"));
    expect(sm.state.calls).toBe(2);
    expect(first.expiration?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("without stale-while-revalidate the first call after the lease gets the rotated keys", async () => {
    const { sm, resolver, cached, advance } = setup({ staleWhileRevalidate: false });
    const credentials = (await resolver.getAwsClientConfig("aws_default")).credentials;
    await credentials();
    sm.state.data.aws_default = keys("B");
    advance(cached.freshForMs("aws_default") + 1);
    expect((await credentials()).accessKeyId).toBe("AKIAB");
    expect(sm.state.calls).toBe(2);
  });

  it("a client made from an old configuration follows the connection: the provider is the id's, not the content's", async () => {
    const { sm, resolver, cached, advance } = setup({ staleWhileRevalidate: false });
    const old = await resolver.getAwsClientConfig("aws_default", "sts");
    sm.state.data.aws_default = { ...keys("B"), extra: { region_name: "eu-west-1" } };
    advance(cached.freshForMs("aws_default") + 1);
    const fresh = await resolver.getAwsClientConfig("aws_default", "sts");
    expect(fresh).not.toBe(old);
    expect(fresh.region).toBe("eu-west-1");
    expect(old.region).toBe("us-east-1"); // a client's region is fixed when it is made
    expect((await old.credentials()).accessKeyId).toBe("AKIAB");
  });

  it("live sources (env) are read on every call and leased for cache.ttlSeconds; a change is seen at once", async () => {
    const env = memorySource("env", { aws_default: keys("A") });
    const resolver = createResolver({ sources: [env], clock: fakeClock(), cache: { ttlSeconds: TTL_S } });
    const credentials = (await resolver.getAwsClientConfig("aws_default")).credentials;
    const calls = env.state.calls;
    const first = await credentials();
    const second = await credentials();
    expect(first.expiration?.getTime()).toBe(Date.now() + TTL_S * 1000);
    expect(second).toBe(first);
    expect(env.state.calls).toBe(calls + 2);
    env.state.data.aws_default = keys("B");
    expect((await credentials()).accessKeyId).toBe("AKIAB");
  });

  it("merge mode: the lease is the shortest freshness among the cached layers that gave the connection", async () => {
    const env = memorySource("env", { aws_default: { extra: { region_name: "eu-west-1" } } });
    const sm = memorySource("secretsmanager", { aws_default: keys("A") });
    const resolver = createResolver({
      sources: [env, sm],
      mode: "merge",
      clock: fakeClock(),
      cache: { ttlSeconds: TTL_S },
    });
    const cached = resolver.sources[1];
    if (!cached || !isCachedSource(cached)) throw new Error("the secretsmanager source should be cached");
    const config = await resolver.getAwsClientConfig("aws_default");
    const identity = await config.credentials();
    expect(config.region).toBe("eu-west-1");
    expect(identity.accessKeyId).toBe("AKIAA");
    expect(identity.expiration?.getTime()).toBe(Date.now() + cached.freshForMs("aws_default"));
  });

  it("generation() counts key changes only, not new leases of the same keys", async () => {
    const { sm, resolver, cached, advance } = setup({ staleWhileRevalidate: false });
    const credentials = (await resolver.getAwsClientConfig("aws_default")).credentials as unknown as {
      (): Promise<{ accessKeyId: string }>;
      generation(): number;
    };
    expect(credentials.generation()).toBe(0);
    await credentials();
    await credentials();
    expect(credentials.generation()).toBe(1);
    sm.state.data.aws_default = keys("B");
    advance(cached.freshForMs("aws_default") + 1);
    await credentials();
    advance(cached.freshForMs("aws_default") + 1); // refreshed, same keys: a new lease, same generation
    await credentials();
    expect(credentials.generation()).toBe(2);
    expect(sm.state.calls).toBe(3);
  });
});

describe("rotatingCredentials (direct)", () => {
  it("hands out credentials that have their own expiration (STS) as they are, and passes forceRefresh on", async () => {
    const sts = {
      accessKeyId: "ASIAROLE",
      secretAccessKey: "s",
      sessionToken: "t",
      expiration: new Date(Date.now() + 3_600_000),
    };
    const seen: unknown[] = [];
    let renewals = 0;
    const credentials = rotatingCredentials({
      current: async () => ({
        connection: createConnection({ connId: "aws_default", connType: "aws" }),
        freshForMs: 1000,
      }),
      configFor: async () => ({
        method: "assume-role",
        warnings: [],
        credentials: async (properties?: Record<string, unknown>) => {
          seen.push(properties?.forceRefresh);
          return sts;
        },
      }),
      renew: () => {
        renewals++;
      },
      clock: fakeClock(),
      liveLeaseMs: 300_000,
    });
    expect(await credentials()).toBe(sts);
    expect(withoutLease(await credentials({ forceRefresh: true }))).toBe(sts);
    expect([seen, renewals]).toEqual([[undefined, true], 1]);
  });
});

describe("rotation: forceRefresh and auth errors", () => {
  it("forceRefresh re-resolves past the cache once; another within RENEW_INTERVAL_MS reads the cache", async () => {
    const { sm, clock, resolver } = setup();
    const credentials = (await resolver.getAwsClientConfig("aws_default")).credentials;
    await credentials();
    sm.state.data.aws_default = keys("B");
    const renewed = await Promise.all([
      credentials({ forceRefresh: true }),
      credentials({ forceRefresh: true }),
    ]);
    expect(renewed.map((c) => c.accessKeyId)).toEqual(["AKIAB", "AKIAB"]);
    expect(sm.state.calls).toBe(2);
    await credentials({ forceRefresh: true });
    expect(sm.state.calls).toBe(2);
    clock.t += RENEW_INTERVAL_MS;
    await credentials({ forceRefresh: true });
    expect(sm.state.calls).toBe(3);
  });

  it("an STS call refused for the old keys re-resolves the connection once and is retried with the new keys", async () => {
    // Prepare: a long-running client, the secret rotated to B, key A revoked
    const { sm, resolver } = setup();
    const { sts, client } = await stsClientOf(resolver);
    await client.send(new GetCallerIdentityCommand({}));
    sm.state.data.aws_default = keys("B");
    sts.revoked.add("AKIAA");
    // Act
    const out = await client.send(new GetCallerIdentityCommand({}));
    const next = await client.send(new GetCallerIdentityCommand({}));
    // Assess
    expect(out.UserId).toBe("AKIAB");
    expect(next.UserId).toBe("AKIAB");
    expect(sts.attempts).toEqual(["AKIAA", "AKIAA", "AKIAB", "AKIAB"]);
    expect(sm.state.calls).toBe(2); // exactly one re-resolve
  });

  it("same keys after the re-resolve: the auth error goes to the caller after one attempt, and the next call does not re-resolve", async () => {
    const { sm, resolver } = setup();
    const { sts, client } = await stsClientOf(resolver);
    sts.revoked.add("AKIAA"); // revoked before the secret was rotated

    await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "InvalidClientTokenId",
    });
    expect(sts.attempts).toEqual(["AKIAA"]);
    expect(sm.state.calls).toBe(2); // the first lookup and one re-resolve
    await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "InvalidClientTokenId",
    });
    expect(sts.attempts).toEqual(["AKIAA", "AKIAA"]);
    expect(sm.state.calls).toBe(2); // within RENEW_INTERVAL_MS: no storm
  });

  it("new keys refused too: one retry, then the error goes to the caller (no loop)", async () => {
    const { sm, resolver } = setup();
    const { sts, client } = await stsClientOf(resolver);
    await client.send(new GetCallerIdentityCommand({}));
    sm.state.data.aws_default = keys("B");
    sts.revoked.add("AKIAA");
    sts.revoked.add("AKIAB");
    await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "InvalidClientTokenId",
    });
    expect(sts.attempts).toEqual(["AKIAA", "AKIAA", "AKIAB"]);
    expect(sm.state.calls).toBe(2);
  });
});
