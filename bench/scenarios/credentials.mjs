// Scenario 6. Credentials: 1,000 concurrent credential requests for an assume-role connection;
// STS calls (target 1) and wall time; then the same across a refresh (the clock is moved to
// 4 minutes before the credentials expire, inside the 5-minute refresh window every side uses).
import { STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { CREDENTIALS, REGION, ROLE_ARN } from "../lib/fixtures.mjs";
import { median, summary } from "../lib/stats.mjs";

const ID = "bench_role";
const REQUESTS = 1000;
const ROUNDS = 5;
const NAIVE_ROUNDS = 1; // 1,000 real AssumeRole calls per phase; one round keeps the run short

export const scenario = {
  id: "6-credentials",
  title: "Credentials: 1,000 concurrent requests for an assume-role connection",
  seed: { secrets: [], parameters: [] },
  run,
};

/** A Date.now that can be moved forward, installed before any provider captures it. */
function shiftableClock() {
  const real = Date.now;
  let offset = 0;
  Date.now = () => real() + offset;
  return {
    advanceTo: (ms) => (offset = ms - real()),
    reset: () => (offset = 0),
    restore: () => (Date.now = real),
  };
}

async function run(ctx) {
  const endpoint = ctx.proxy.endpoint;
  const clock = shiftableClock();
  try {
    return await measure(ctx, endpoint, clock);
  } finally {
    clock.restore();
    delete process.env.AIRFLOW_CONN_BENCH_ROLE;
  }
}

async function measure(ctx, endpoint, clock) {
  // The connection as Airflow stores it: source keys, role to assume, STS endpoint for this role.
  process.env.AIRFLOW_CONN_BENCH_ROLE = JSON.stringify({
    conn_type: "aws",
    login: CREDENTIALS.accessKeyId,
    password: CREDENTIALS.secretAccessKey,
    extra: { role_arn: ROLE_ARN, region_name: REGION, service_config: { sts: { endpoint_url: endpoint } } },
  });
  const stsConfig = { endpoint, region: REGION, credentials: CREDENTIALS };
  const params = { RoleArn: ROLE_ARN, RoleSessionName: "Airflow_bench_role" };

  // Each side: setup() makes a fresh provider (empty cache), request() is one credential request.
  const sides = [
    {
      name: "SDK client + fromTemporaryCredentials",
      setup: () => {
        const client = new STSClient({
          region: REGION,
          endpoint,
          credentials: fromTemporaryCredentials({ params, clientConfig: stsConfig }),
        });
        return () => client.config.credentials();
      },
    },
    {
      name: "naive: fromTemporaryCredentials per request",
      rounds: NAIVE_ROUNDS,
      firstPhaseOnly: true, // without a cache a refresh is the same 1,000 calls again
      setup: () => {
        const provider = fromTemporaryCredentials({ params, clientConfig: stsConfig });
        return () => provider();
      },
    },
  ];
  if (ctx.awsconn) {
    sides.unshift(
      {
        name: "awsconn: one getAwsClientConfig",
        setup: async () => {
          const resolver = ctx.awsconn.createResolver({ sources: [{ type: "env" }] });
          const config = await resolver.getAwsClientConfig(ID, "s3");
          return () => config.credentials();
        },
      },
      {
        name: "awsconn: getAwsClientConfig per request",
        setup: () => {
          const resolver = ctx.awsconn.createResolver({ sources: [{ type: "env" }] });
          return async () => (await resolver.getAwsClientConfig(ID, "s3")).credentials();
        },
      },
    );
  }

  const phases = { first: new Map(), refresh: new Map() };
  for (const side of sides) {
    phases.first.set(side.name, { calls: [], ms: [] });
    if (!side.firstPhaseOnly) phases.refresh.set(side.name, { calls: [], ms: [] });
    for (let r = 0; r < (side.rounds ?? ROUNDS); r++) {
      clock.reset();
      const request = await side.setup();
      // Phase 1: 1,000 concurrent requests on an empty cache.
      ctx.proxy.reset();
      let t0 = process.hrtime.bigint();
      const first = await Promise.all(Array.from({ length: REQUESTS }, () => request()));
      phases.first.get(side.name).ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      phases.first.get(side.name).calls.push(ctx.proxy.total("sts."));
      const expiration = first[0]?.expiration;
      if (!first.every((c) => c?.accessKeyId) || !(expiration instanceof Date))
        throw new Error(`${side.name}: no temporary credentials`);
      // Phase 2: 4 minutes before expiry (inside the 5-minute refresh window), 1,000 more at once.
      if (side.firstPhaseOnly) continue;
      clock.advanceTo(expiration.getTime() - 4 * 60_000);
      ctx.proxy.reset();
      t0 = process.hrtime.bigint();
      const second = await Promise.all(Array.from({ length: REQUESTS }, () => request()));
      phases.refresh.get(side.name).ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      phases.refresh.get(side.name).calls.push(ctx.proxy.total("sts."));
      if (!second.every((c) => c?.accessKeyId)) throw new Error(`${side.name}: refresh failed`);
    }
  }
  const out = {};
  for (const [phase, m] of Object.entries(phases)) {
    out[phase] = sides
      .filter((s) => m.has(s.name))
      .map((s) => {
        const { calls, ms } = m.get(s.name);
        return { name: s.name, stsCalls: median(calls), stsCallsPerRound: calls, wallMs: summary(ms) };
      });
  }
  const one = (phase) => out[phase].find((s) => s.name === "awsconn: one getAwsClientConfig");
  const per = (phase) => out[phase].find((s) => s.name === "awsconn: getAwsClientConfig per request");
  const a = one("first");
  const met = a
    ? ["first", "refresh"].every((ph) =>
        [one(ph), per(ph)].every((s) => s.stsCallsPerRound.every((c) => c === 1)),
      )
    : null;
  const missed = [];
  if (a) {
    for (const ph of ["first", "refresh"]) {
      for (const s of [one(ph), per(ph)]) {
        if (!s.stsCallsPerRound.every((c) => c === 1))
          missed.push(
            `${s.name}, ${ph === "first" ? "empty cache" : "refresh"}: STS calls ${s.stsCallsPerRound.join(", ")} instead of 1`,
          );
      }
    }
  }
  return {
    missedBy: missed.length > 0 ? missed.join("; ") : undefined,
    method: `${REQUESTS} credential requests started at once (Promise.all) on a fresh provider, then the clock (Date.now) is moved to 4 minutes before the returned expiration and ${REQUESTS} more are started at once; STS calls counted by the proxy; ${ROUNDS} rounds (the naive side ${NAIVE_ROUNDS}, and only the first phase: without a cache a refresh is the same ${REQUESTS} calls again), medians. "one getAwsClientConfig": a service holds one client config and asks its credentials provider 1,000 times; "per request": each request calls resolver.getAwsClientConfig() itself.`,
    phases: out,
    target: "1 STS call for 1,000 concurrent requests, and 1 across a refresh",
    met,
    verdict: a
      ? `first: ${a.stsCalls} / ${per("first").stsCalls} STS calls (one config / per request), refresh: ${one("refresh").stsCalls} / ${per("refresh").stsCalls}; wall ${a.wallMs.median} ms`
      : "awsconn not available",
    chart: {
      subtitle: `${REQUESTS} concurrent credential requests, assume-role connection`,
      panels: [
        {
          label: "STS calls, empty cache",
          unit: "calls",
          better: "lower",
          log: true,
          target: 1,
          bars: out.first.map((s) => ({ name: s.name, value: s.stsCalls })),
        },
        {
          label: "wall time, empty cache (median)",
          unit: "ms",
          better: "lower",
          log: true,
          bars: out.first.map((s) => ({ name: s.name, value: s.wallMs.median })),
        },
        {
          label: "STS calls, across a refresh",
          unit: "calls",
          better: "lower",
          target: 1,
          bars: out.refresh.map((s) => ({ name: s.name, value: s.stsCalls })),
        },
        {
          label: "wall time, across a refresh (median)",
          unit: "ms",
          better: "lower",
          bars: out.refresh.map((s) => ({ name: s.name, value: s.wallMs.median })),
        },
      ],
    },
  };
}
