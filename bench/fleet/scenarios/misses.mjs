// Misses: one process looking up `rate` ids a (fleet) second that the backend does not hold (each a
// new id, so the negative cache cannot absorb them: the case of Airflow's chain asking the backend
// before env for every env-only connection), with and without the `knownIds` manifest, on Secrets
// Manager and on SSM, behind the quota proxy at AWS's own quotas. When moto cannot serve `rate`
// calls a real second, time runs slower (`scale` < 1) for the resolver and the quota proxy alike.
import { startQuotaProxy } from "@awsconn/testkit/faults";
import { REGION } from "../../lib/fixtures.mjs";
import { fleetClock } from "../lib/fleetClock.mjs";

const REFRESH_SECONDS = 60;

/** @param {{ awsconn: any, motoEndpoint: string, rate: number, seconds: number, scale: number }} o */
export async function misses(o) {
  const rows = [];
  for (const type of ["secretsmanager", "ssm"])
    for (const manifest of [false, true]) rows.push(await missRow(o, type, manifest));
  return rows;
}

async function missRow(o, type, manifest) {
  const clock = fleetClock(Date.now(), o.scale);
  const proxy = await startQuotaProxy({ target: o.motoEndpoint, clock: clock.ms });
  const row = { source: type, manifest, scale: o.scale, lookups: 0, misses: 0, failed: 0 };
  const errors = new Map();
  try {
    const made = await makeResolver(o.awsconn, type, proxy.endpoint, manifest, clock.ms);
    if (!made) return { ...row, result: "not available" };
    const { resolver, via } = made;
    row.via = via;
    // a held id first: the manifest (if any) is listed once, outside the measured window
    await resolver.get("fleet_00");
    proxy.reset();
    const t0 = performance.now();
    const pending = [];
    for (let i = 0; i < o.rate * o.seconds; i++) {
      const due = t0 + (i * 1000) / (o.rate * o.scale);
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      row.lookups++;
      pending.push(
        resolver.get(`env_only_${type}_${manifest ? "m" : "n"}_${i}`).then(
          () => {},
          (e) => {
            if (e?.code === "NOT_FOUND") row.misses++;
            else {
              row.failed++;
              const key = String(e?.message ?? e).slice(0, 160);
              errors.set(key, (errors.get(key) ?? 0) + 1);
            }
          },
        ),
      );
    }
    await Promise.all(pending);
    const seconds = ((performance.now() - t0) / 1000) * o.scale;
    const counts = proxy.counts();
    const calls = Object.values(counts).reduce((s, c) => s + c.forwarded + c.throttled, 0);
    const ops = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.forwarded + v.throttled]));
    const listed = (ops.ListSecrets ?? 0) + (ops.GetParametersByPath ?? 0);
    const throttled = Object.values(counts).reduce((s, c) => s + c.throttled, 0);
    if (manifest && listed === 0 && calls >= row.lookups)
      return { ...row, result: "not available (no listing seen: the manifest is not in this build)" };
    return {
      ...row,
      seconds: Number(seconds.toFixed(1)),
      // over the time until every lookup had its answer (client-side rate limiting stretches it)
      callsPerSecond: Number((calls / Math.max(seconds, o.seconds)).toFixed(2)),
      throttled,
      operations: ops,
      errors: [...errors].sort((a, b) => b[1] - a[1]).slice(0, 2),
    };
  } finally {
    await proxy.close();
  }
}

/**
 * The resolver of one row: the source from the config object; with the manifest, when the config
 * schema does not take `knownIds` yet, the source built by its own factory (which does) and handed
 * to createResolver ready-made (it is cached like a configured one); `undefined` if neither can.
 */
async function makeResolver(awsconn, type, endpoint, manifest, clock) {
  const source = { type, endpoint, region: REGION };
  const cache = { ttlSeconds: 300 };
  if (manifest) source.knownIds = { refreshSeconds: REFRESH_SECONDS };
  try {
    return { resolver: awsconn.createResolver({ sources: [source], cache, clock }), via: "config" };
  } catch (error) {
    if (!manifest || !/knownIds/.test(String(error?.message))) throw error;
  }
  const { type: _, ...init } = source;
  init.clock = clock;
  const made =
    type === "ssm"
      ? (await import("@awsconn/source-ssm")).fromSsm(init)
      : (await import("@awsconn/source-secrets-manager")).fromSecretsManager(init);
  return { resolver: awsconn.createResolver({ sources: [made], cache, clock }), via: "source factory" };
}
