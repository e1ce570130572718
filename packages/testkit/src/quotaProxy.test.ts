import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GetParameterCommand, GetParametersCommand, SSMClient } from "@aws-sdk/client-ssm";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type QuotaProxy, type QuotaProxyOptions, startQuotaProxy } from "./quotaProxy.js";
import { createTokenBucket } from "./tokenBucket.js";

describe("createTokenBucket", () => {
  it("starts full, refuses when empty, and refills by elapsed clock time up to the burst", () => {
    // Prepare
    let t = 1000;
    const bucket = createTokenBucket({ ratePerSecond: 40, clock: { now: () => t } });
    // Act: the 40-token burst
    const burst = Array.from({ length: 41 }, () => bucket.tryTake());
    // Assess
    expect(burst.filter(Boolean)).toHaveLength(40);
    expect(burst[40]).toBe(false);
    t += 24; // 0.96 tokens
    expect(bucket.tryTake()).toBe(false);
    t += 1; // 1.0 token
    expect(bucket.tryTake()).toBe(true);
    t += 60_000; // a minute idle: still only the burst
    expect(bucket.available()).toBe(40);
  });

  it("takes a burst other than the rate, and a zero rate never refills", () => {
    let t = 0;
    const bucket = createTokenBucket({ ratePerSecond: 0, burst: 2, clock: { now: () => t } });
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
    t += 1e9;
    expect(bucket.tryTake()).toBe(false);
  });

  it("does not go back in time when the clock does", () => {
    let t = 5000;
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 1, clock: { now: () => t } });
    expect(bucket.tryTake()).toBe(true);
    t = 0;
    expect(bucket.tryTake()).toBe(false);
  });
});

describe("startQuotaProxy", () => {
  // A tiny upstream standing in for moto: every request gets a valid empty JSON / XML answer.
  let upstream: Server;
  let target: string;
  let now = 1;
  let proxy: QuotaProxy;
  const clock = { now: () => now };

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (req.headers["x-amz-target"]) {
          res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
          res.end(JSON.stringify({ Parameter: { Name: "/p", Value: "v", Type: "String", Version: 1 } }));
          return;
        }
        res.writeHead(200, { "content-type": "text/xml" });
        res.end(
          "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/u</Arn><UserId>U</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>",
        );
      });
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    proxy = await startQuotaProxy({
      target,
      clock,
      binMs: 1000,
      quotas: [
        { service: "ssm", operations: ["GetParameter", "GetParameters"], tps: 2 },
        { service: "sts", operations: ["GetCallerIdentity"], tps: 1 },
      ],
    });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((r) => upstream.close(() => r()));
  });

  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" };
  /** A proxy of its own (same upstream and clock) and an SSM client pointed at it. */
  const ownProxy = async (
    options: Omit<QuotaProxyOptions, "target" | "clock">,
  ): Promise<[QuotaProxy, SSMClient]> => {
    const own = await startQuotaProxy({ target, clock, ...options });
    return [own, new SSMClient({ endpoint: own.endpoint, region: "us-east-1", credentials, maxAttempts: 1 })];
  };
  const ssm = (region = "us-east-1") =>
    new SSMClient({ endpoint: proxy.endpoint, region, credentials, maxAttempts: 1 });

  it("answers over-quota JSON 1.1 calls so that the real SDK client throws a ThrottlingException", async () => {
    // Prepare
    proxy.reset();
    const client = ssm();
    // Act: a burst of 2 passes, the 3rd is over the quota
    await client.send(new GetParameterCommand({ Name: "/p" }));
    await client.send(new GetParameterCommand({ Name: "/p" }));
    const error = await client.send(new GetParameterCommand({ Name: "/p" })).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({
      name: "ThrottlingException",
      message: "Rate exceeded",
      $metadata: { httpStatusCode: 400 },
    });
    expect(proxy.counts()).toEqual({ GetParameter: { forwarded: 2, throttled: 1 } });
    client.destroy();
  });

  it("is retried by the SDK as a throttling error (the retry strategy classifies it so)", async () => {
    // Prepare: a bucket of one token that never refills
    const [dry, client] = await ownProxy({
      quotas: [{ service: "ssm", operations: ["GetParameter"], tps: 0, burst: 1 }],
    });
    const retrying = new SSMClient({
      endpoint: dry.endpoint,
      region: "us-east-1",
      credentials,
      maxAttempts: 2,
    });
    await client.send(new GetParameterCommand({ Name: "/p" }));
    // Act
    const error = await retrying.send(new GetParameterCommand({ Name: "/p" })).catch((e: unknown) => e);
    // Assess: both attempts went out (a non-retryable 400 is tried once)
    expect(error).toMatchObject({ name: "ThrottlingException", $metadata: { attempts: 2 } });
    expect(dry.counts().GetParameter).toEqual({ forwarded: 1, throttled: 2 });
    client.destroy();
    retrying.destroy();
    await dry.close();
  });

  it("is keyed per region and refills with the injected clock; counts land in their bins", async () => {
    proxy.reset();
    const east = ssm("us-east-1");
    const west = ssm("eu-west-1");
    for (let i = 0; i < 2; i++) await east.send(new GetParameterCommand({ Name: "/p" }));
    // another region has its own bucket
    await expect(west.send(new GetParameterCommand({ Name: "/p" }))).resolves.toBeDefined();
    await expect(east.send(new GetParameterCommand({ Name: "/p" }))).rejects.toThrow("Rate exceeded");
    now += 500; // 2 TPS: one token back after 500 ms
    await expect(east.send(new GetParameterCommand({ Name: "/p" }))).resolves.toBeDefined();
    await expect(east.send(new GetParameterCommand({ Name: "/p" }))).rejects.toThrow("Rate exceeded");
    now += 1000;
    await expect(east.send(new GetParameterCommand({ Name: "/p" }))).resolves.toBeDefined();
    expect(proxy.bins()).toEqual([
      { bin: 0, operations: { GetParameter: { forwarded: 4, throttled: 2 } } },
      { bin: 1, operations: { GetParameter: { forwarded: 1, throttled: 0 } } },
    ]);
    east.destroy();
    west.destroy();
  });

  it("answers over-quota query-protocol calls (STS) as the SDK's Throttling error", async () => {
    proxy.reset();
    const sts = new STSClient({ endpoint: proxy.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    await sts.send(new GetCallerIdentityCommand({}));
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "Throttling", message: "Rate exceeded" });
    expect(proxy.counts()).toEqual({ GetCallerIdentity: { forwarded: 1, throttled: 1 } });
    sts.destroy();
  });

  it("lets operations without a quota through unmetered, and scales quotas with rateScale", async () => {
    const [scaled, client] = await ownProxy({
      rateScale: 2,
      quotas: [{ service: "ssm", operations: ["GetParameter"], tps: 1 }],
    });
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => client.send(new GetParameterCommand({ Name: "/p" }))),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    for (let i = 0; i < 3; i++) await client.send(new GetParametersCommand({ Names: ["/p"] }));
    expect(scaled.counts().GetParameters).toEqual({ forwarded: 3, throttled: 0 });
    client.destroy();
    await scaled.close();
  });

  it("keeps the burst apart from the rate with burstScale (a smaller fleet, the same burst)", async () => {
    const [smaller, client] = await ownProxy({
      rateScale: 1 / 4,
      burstScale: 1,
      quotas: [{ service: "ssm", operations: ["GetParameter"], tps: 4 }],
    });
    const send = () =>
      client.send(new GetParameterCommand({ Name: "/p" })).then(
        () => "ok",
        () => "throttled",
      );
    const burst = [];
    for (let i = 0; i < 5; i++) burst.push(await send());
    expect(burst).toEqual(["ok", "ok", "ok", "ok", "throttled"]);
    now += 500; // 1 TPS: half a token
    expect(await send()).toBe("throttled");
    now += 500;
    expect(await send()).toBe("ok");
    client.destroy();
    await smaller.close();
  });
});
