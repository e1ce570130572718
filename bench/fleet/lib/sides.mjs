// The three ways a fleet member gets its connections, each a factory of one "process": its own
// cache and its own SDK client, as separate processes would have.
// - awsconn: createResolver with one ssm source; start = preload(ids) (batched GetParameters);
//   reads are resolver.get (cache, refresh in the background, jittered lifetimes).
// - Powertools Parameters: an SSMProvider per process; start and reads are provider.get per id
//   with maxAge = the TTL (one GetParameter per id per TTL, refetched in the foreground).
// - naive: one GetParameter per lookup, no cache.
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { CREDENTIALS, REGION, SSM_PREFIX } from "../../lib/fixtures.mjs";

/**
 * @param {"awsconn" | "powertools" | "naive"} kind
 * @param {{ endpoint: string, ttlSeconds: number, scale: number, clock: { now(): number } }} job
 * @param {(error: unknown) => void} note  told of every failure (for the error summary)
 * @param {(kind: string) => void} [tally]  told of awsconn's refresh, stale and warning events
 * @returns {Promise<() => { start(ids: string[]): Promise<string[]>, read(id: string): Promise<unknown> }>}
 */
export async function sideFactory(kind, job, note, tally = () => {}) {
  if (kind === "awsconn") {
    const { createResolver } = await import("awsconn");
    return () => {
      const resolver = createResolver({
        sources: [{ type: "ssm", endpoint: job.endpoint, region: REGION }],
        cache: { ttlSeconds: job.ttlSeconds },
        clock: job.clock,
        logger: (e) => {
          if (e.type === "refresh") tally(`refresh ${e.outcome}`);
          else if (e.type === "stale") tally(`stale (${reasonOf(e.error)})`);
          else if (e.type === "warning") tally("warning");
        },
      });
      return {
        async start(ids) {
          try {
            const { notFound } = await resolver.preload(ids);
            return notFound;
          } catch (error) {
            note(error);
            return ids;
          }
        },
        read: (id) => resolver.get(id),
      };
    };
  }
  if (kind === "powertools") {
    const { SSMProvider } = await import("@aws-lambda-powertools/parameters/ssm");
    // Powertools' cache runs on Date.now() in whole seconds: the TTL in real seconds.
    const maxAge = job.ttlSeconds / job.scale;
    if (!Number.isInteger(maxAge)) throw new Error(`powertools maxAge must be whole seconds, got ${maxAge}`);
    return () => {
      const provider = new SSMProvider({
        clientConfig: { endpoint: job.endpoint, region: REGION, credentials: CREDENTIALS },
      });
      const read = (id) => provider.get(SSM_PREFIX + id, { maxAge, decrypt: true, transform: "json" });
      return { start: (ids) => failedOf(ids, read, note), read };
    };
  }
  return () => {
    const client = new SSMClient({ endpoint: job.endpoint, region: REGION, credentials: CREDENTIALS });
    const read = async (id) => {
      const out = await client.send(new GetParameterCommand({ Name: SSM_PREFIX + id, WithDecryption: true }));
      return JSON.parse(out.Parameter.Value);
    };
    return { start: (ids) => failedOf(ids, read, note), read };
  };
}

/** Why a refresh failed, in one word: the quota, a timeout (a slow or starved moto), or something else. */
function reasonOf(message) {
  if (/Throttl|Rate exceeded/.test(message)) return "throttled";
  if (/Timeout|timed out|socket|ECONNRESET/i.test(message)) return "timeout";
  return "other";
}

async function failedOf(ids, read, note) {
  const settled = await Promise.allSettled(ids.map(read));
  for (const s of settled) if (s.status === "rejected") note(s.reason);
  return ids.filter((_, i) => settled[i].status === "rejected");
}
