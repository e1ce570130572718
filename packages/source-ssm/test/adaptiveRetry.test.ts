// The AWS sources' clients use the SDK's adaptive retry mode (aws-source-common's
// createAwsClientConfig): a throttled client keeps its jittered backoff and also paces its own
// sending rate with a token bucket. The bucket's waits go through DefaultRateLimiter.setTimeoutFn,
// the SDK's own seam, which is replaced here to count them and let them pass at once: the test
// counts attempts and waits, and never reads the clock.
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { SourceHit } from "@awsconn/core";
import { type FaultProxy, startFaultProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { DefaultRateLimiter } from "@smithy/core/retry";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fromSsm } from "../src/index.js";

stubAwsTestEnv();

const prefix = `/${uniquePrefix("adaptive")}`;
// Ten at once: more retries than the bucket refills while they back off, however slow the machine.
const IDS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
/** The SDK's seam for the bucket's waits (a static the SDK declares private). */
const limiter = DefaultRateLimiter as unknown as {
  setTimeoutFn: (fn: () => void, delay: number) => unknown;
};
const realSetTimeout = limiter.setTimeoutFn;
let waits: number[] = [];
let proxy: FaultProxy;

beforeAll(async () => {
  const admin = new SSMClient(awsTestClientConfig());
  for (const id of IDS) {
    await admin.send(
      new PutParameterCommand({
        Name: `${prefix}/${id}`,
        Value: `http://${id}.internal`,
        Type: "SecureString",
      }),
    );
  }
  proxy = await startFaultProxy({ target: motoEndpoint() });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
});

beforeEach(() => {
  waits = [];
  proxy.setScript(undefined);
  proxy.reset();
  limiter.setTimeoutFn = (fn, delay) => {
    waits.push(delay);
    return realSetTimeout(fn, 0);
  };
});

afterEach(() => {
  limiter.setTimeoutFn = realSetTimeout;
});

/** Throttles the first two GetParameter requests of each name, then lets it through. */
function throttleTwiceEach() {
  const seen = new Map<string, number>();
  proxy.setScript(({ operation, body }) => {
    if (operation !== "GetParameter") return "pass";
    const name = (JSON.parse(body) as { Name?: string }).Name ?? "";
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n < 2 ? { throttle: "ThrottlingException" } : "pass";
  });
}

// Real backoff delays (jittered, ms to seconds) run between attempts: more than vitest's 5 s default on a loaded machine.
describe("adaptive retry (client-side rate limiting)", { timeout: 30_000 }, () => {
  it("a throttled client waits for its token bucket before sending again, and every lookup resolves", async () => {
    throttleTwiceEach();
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, prefix });
    const hits = await Promise.all(IDS.map((id) => source.get(id)));

    expect(hits.map((h) => (h as SourceHit).connection.host)).toEqual(IDS.map((id) => `${id}.internal`));
    expect(proxy.count("GetParameter")).toBe(IDS.length * 3); // 2 throttles + 1 answer per id
    // Before any throttle the bucket is off (no wait); after, the retries queue for tokens.
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms > 0)).toBe(true);
  });

  it("the bucket stays off while nothing is throttled: no waits at all", async () => {
    const source = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, prefix });
    await Promise.all(IDS.map((id) => source.get(id)));
    expect(proxy.count("GetParameter")).toBe(IDS.length);
    expect(waits).toEqual([]);
  });

  it("each source paces itself: a throttled source does not slow a second one down", async () => {
    throttleTwiceEach();
    const throttled = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, prefix });
    await Promise.all(IDS.map((id) => throttled.get(id)));
    const afterThrottled = waits.length;
    expect(afterThrottled).toBeGreaterThan(0);

    proxy.setScript(undefined);
    const fresh = fromSsm({ region: "us-east-1", endpoint: proxy.endpoint, prefix });
    await Promise.all(IDS.map((id) => fresh.get(id)));
    expect(waits.length).toBe(afterThrottled);
  });
});
