// Refresh batching in one process, on a manual clock (so the machine's load cannot touch it): a
// resolver preloads K SSM connections, then reads all of them every L seconds for 2.4 TTLs. Counts
// the GetParameters calls per TTL after the preload; the ideal is ceil(K/10) (one batch refresh of
// every id per lifetime; jittered lifetimes of 80-100% of the TTL make it up to 1/0.8 of that).
import { startQuotaProxy } from "@awsconn/testkit/faults";
import { REGION } from "../../lib/fixtures.mjs";

/** @param {{ awsconn: any, motoEndpoint: string, ids: string[], T: number, readEvery: number[] }} o */
export async function refreshBatching(o) {
  const rows = [];
  for (const L of o.readEvery) rows.push(await row(o, L));
  return rows;
}

async function row(o, L) {
  const proxy = await startQuotaProxy({ target: o.motoEndpoint, quotas: [] });
  try {
    let t = 1e6;
    const resolver = o.awsconn.createResolver({
      sources: [{ type: "ssm", endpoint: proxy.endpoint, region: REGION }],
      cache: { ttlSeconds: o.T },
      clock: { now: () => t },
    });
    await resolver.preload(o.ids);
    proxy.reset();
    const span = 2.4 * o.T;
    for (let at = L; at <= span; at += L) {
      t = 1e6 + at * 1000;
      await Promise.allSettled(o.ids.map((id) => resolver.get(id)));
      await settled(proxy);
    }
    const calls = Object.values(proxy.counts()).reduce((s, c) => s + c.forwarded, 0);
    const ideal = Math.ceil(o.ids.length / 10);
    return {
      readEverySeconds: L,
      ttlSeconds: o.T,
      calls,
      callsPerTtl: Number(((calls * o.T) / span).toFixed(2)),
      idealPerTtl: ideal,
      operations: Object.fromEntries(Object.entries(proxy.counts()).map(([k, v]) => [k, v.forwarded])),
    };
  } finally {
    await proxy.close();
  }
}

/** Waits until no new call has reached the proxy for 80 ms (background refreshes done), at most 3 s. */
async function settled(proxy) {
  const total = () => Object.values(proxy.counts()).reduce((s, c) => s + c.forwarded + c.throttled, 0);
  let before = -1;
  for (let i = 0; i < 20 && total() !== before; i++) {
    before = total();
    await new Promise((r) => setTimeout(r, 80));
  }
}
