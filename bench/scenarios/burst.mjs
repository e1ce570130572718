// Scenario 3. Burst: 100 concurrent cold lookups of one id. API calls made and wall time,
// awsconn vs Powertools SecretsProvider.get vs a naive loop (one GetSecretValue per lookup).
import { SecretsProvider } from "@aws-lambda-powertools/parameters/secrets";
import { GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { connectionJson, CREDENTIALS, REGION, SM_PREFIX, smClient } from "../lib/fixtures.mjs";
import { median, round, summary } from "../lib/stats.mjs";

const ID = "bench_burst";
const CONCURRENCY = 100;
const ROUNDS = 4;

export const scenario = {
  id: "3-burst",
  title: "Burst: 100 concurrent cold lookups of one id",
  seed: { secrets: [[ID, connectionJson(3)]], parameters: [] },
  run,
};

async function run(ctx) {
  const endpoint = ctx.proxy.endpoint;
  const provider = new SecretsProvider({
    clientConfig: { endpoint, region: REGION, credentials: CREDENTIALS },
  });
  const raw = smClient(endpoint);
  const sides = [
    {
      name: "Powertools SecretsProvider.get",
      reset: () => provider.clearCache(),
      one: () => provider.get(SM_PREFIX + ID, { maxAge: 300, transform: "json" }),
    },
    {
      name: "naive loop (GetSecretValue per lookup)",
      reset: () => {},
      one: async () =>
        JSON.parse((await raw.send(new GetSecretValueCommand({ SecretId: SM_PREFIX + ID }))).SecretString),
    },
  ];
  if (ctx.awsconn) {
    const resolver = ctx.awsconn.createResolver({
      sources: [{ type: "secretsmanager", endpoint, region: REGION }],
      cache: { ttlSeconds: 300 },
    });
    sides.unshift({ name: "awsconn", reset: () => resolver.clear(), one: () => resolver.get(ID) });
  }
  // Warm every client once (TLS-free loopback, but the SDK loads lazily) before timing.
  for (const side of sides) {
    side.reset();
    await side.one();
  }
  const wall = new Map(sides.map((s) => [s.name, []]));
  const calls = new Map(sides.map((s) => [s.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      side.reset();
      ctx.proxy.reset();
      const t0 = process.hrtime.bigint();
      const values = await Promise.all(Array.from({ length: CONCURRENCY }, () => side.one()));
      wall.get(side.name).push(Number(process.hrtime.bigint() - t0) / 1e6);
      calls.get(side.name).push(ctx.proxy.total("secretsmanager."));
      if (values.some((v) => !v?.host?.startsWith("db-00003")))
        throw new Error(`${side.name}: unexpected value`);
    }
  }
  provider.client.destroy?.();
  raw.destroy();
  const result = sides.map((s) => ({
    name: s.name,
    apiCalls: median(calls.get(s.name)),
    apiCallsPerRound: calls.get(s.name),
    wallMs: summary(wall.get(s.name)),
  }));
  const a = result.find((s) => s.name === "awsconn");
  const p = result.find((s) => s.name.startsWith("Powertools"));
  return {
    method: `${CONCURRENCY} lookups started at once (Promise.all) on an empty cache, ${ROUNDS} rounds alternating the order of the sides; API calls counted by the counting proxy in front of moto; medians over the rounds.`,
    sides: result,
    ratio: a && {
      label: "awsconn / Powertools wall time",
      value: round(a.wallMs.median / p.wallMs.median, 3),
    },
    target: "1 API call (Powertools and the naive loop make 100)",
    met: a ? a.apiCallsPerRound.every((c) => c === 1) : null,
    missedBy:
      a && !a.apiCallsPerRound.every((c) => c === 1)
        ? `API calls per round ${a.apiCallsPerRound.join(", ")} instead of 1`
        : undefined,
    verdict: a
      ? `${a.apiCalls} call(s) vs ${p.apiCalls}; ${a.wallMs.median} ms vs ${p.wallMs.median} ms`
      : "awsconn not available",
    chart: {
      subtitle: `${CONCURRENCY} concurrent get() of one id, empty cache`,
      panels: [
        {
          label: "API calls",
          unit: "calls",
          better: "lower",
          target: 1,
          bars: result.map((s) => ({ name: s.name, value: s.apiCalls })),
        },
        {
          label: "wall time (median)",
          unit: "ms",
          better: "lower",
          log: true,
          bars: result.map((s) => ({ name: s.name, value: s.wallMs.median })),
        },
      ],
    },
  };
}
