// Scenario 4. Preload of 50 connections from SSM and from Secrets Manager vs the per-id loop
// (one GetParameter / GetSecretValue per id, in sequence: what Airflow does without its cache).
// Informational peers: the same per-id calls all at once, and (SSM) Powertools getParametersByName.
import { SSMProvider } from "@aws-lambda-powertools/parameters/ssm";
import { GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import {
  connectionJson,
  CREDENTIALS,
  REGION,
  SM_PREFIX,
  SSM_PREFIX,
  smClient,
  ssmClient,
} from "../lib/fixtures.mjs";
import { median, round, summary } from "../lib/stats.mjs";

const COUNT = 50;
const ROUNDS = 5;
const IDS = Array.from({ length: COUNT }, (_, i) => `bench_pre_${String(i).padStart(2, "0")}`);
const seedPairs = IDS.map((id, i) => [id, connectionJson(1000 + i)]);

export const scenario = {
  id: "4-preload",
  title: "Preload of 50 connections (SSM, Secrets Manager) vs the per-id loop",
  seed: { secrets: seedPairs, parameters: seedPairs },
  run,
};

function missedByOf(pairs) {
  const out = [];
  for (const [label, b] of pairs) {
    const a = b.sides.find((x) => x.name === "awsconn preload");
    if (!a) continue;
    if (a.apiCalls > b.callTarget)
      out.push(`${label}: ${a.apiCalls} calls instead of at most ${b.callTarget}`);
    if (b.wallRatio > 0.3) out.push(`${label}: ${b.wallRatio}x the loop instead of at most 0.3x`);
    if (a.callsForGetsAfterPreload !== 0)
      out.push(`${label}: ${a.callsForGetsAfterPreload} calls for gets after the preload`);
  }
  return out.length > 0 ? out.join("; ") : undefined;
}

function check(name, values) {
  if (values.length !== COUNT || values.some((v) => !v?.host?.startsWith("db-01")))
    throw new Error(`${name}: unexpected values`);
}

async function run(ctx) {
  const endpoint = ctx.proxy.endpoint;
  const sm = smClient(endpoint);
  const ssm = ssmClient(endpoint);
  const getParam = async (id) =>
    JSON.parse(
      (await ssm.send(new GetParameterCommand({ Name: SSM_PREFIX + id, WithDecryption: true }))).Parameter
        .Value,
    );
  const getSecret = async (id) =>
    JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: SM_PREFIX + id }))).SecretString);
  const ptSsm = new SSMProvider({ clientConfig: { endpoint, region: REGION, credentials: CREDENTIALS } });
  const byName = Object.fromEntries(IDS.map((id) => [SSM_PREFIX + id, {}]));

  const backends = {
    ssm: {
      prefix: "AmazonSSM.",
      callTarget: 5,
      sides: [
        {
          name: "per-id loop (GetParameter, sequential)",
          run: async () => {
            const out = [];
            for (const id of IDS) out.push(await getParam(id));
            check("ssm loop", out);
          },
        },
        {
          name: "per-id, all at once (GetParameter x50)",
          run: async () => check("ssm concurrent", await Promise.all(IDS.map(getParam))),
        },
        {
          name: "Powertools getParametersByName",
          run: async () => {
            ptSsm.clearCache();
            const out = await ptSsm.getParametersByName(byName, {
              maxAge: 300,
              transform: "json",
              decrypt: true,
            });
            check("powertools", Object.values(out));
          },
        },
      ],
    },
    secretsmanager: {
      prefix: "secretsmanager.",
      callTarget: 3,
      sides: [
        {
          name: "per-id loop (GetSecretValue, sequential)",
          run: async () => {
            const out = [];
            for (const id of IDS) out.push(await getSecret(id));
            check("sm loop", out);
          },
        },
        {
          name: "per-id, all at once (GetSecretValue x50)",
          run: async () => check("sm concurrent", await Promise.all(IDS.map(getSecret))),
        },
      ],
    },
  };
  const notes = [];
  if (ctx.awsconn) {
    for (const [type, backend] of Object.entries(backends)) {
      const resolver = ctx.awsconn.createResolver({
        sources: [{ type, endpoint, region: REGION }],
        cache: { ttlSeconds: 300 },
      });
      backend.sides.unshift({
        name: "awsconn preload",
        run: async () => {
          resolver.clear();
          await resolver.preload(IDS);
        },
        verify: async () => {
          // After a preload every get must be served from the cache: no further API call.
          ctx.proxy.reset();
          const out = await Promise.all(IDS.map((id) => resolver.get(id)));
          check(`awsconn ${type}`, out);
          const extra = ctx.proxy.total(backend.prefix);
          if (extra !== 0) notes.push(`${type}: ${extra} API calls for gets after preload`);
          return extra;
        },
      });
    }
  }

  const out = {};
  for (const [type, backend] of Object.entries(backends)) {
    for (const side of backend.sides) await side.run(); // warm-up
    const wall = new Map(backend.sides.map((s) => [s.name, []]));
    const calls = new Map(backend.sides.map((s) => [s.name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? backend.sides : [...backend.sides].reverse();
      for (const side of order) {
        ctx.proxy.reset();
        const t0 = process.hrtime.bigint();
        await side.run();
        wall.get(side.name).push(Number(process.hrtime.bigint() - t0) / 1e6);
        calls.get(side.name).push(ctx.proxy.total(backend.prefix));
      }
    }
    const sides = [];
    for (const side of backend.sides) {
      const entry = {
        name: side.name,
        apiCalls: median(calls.get(side.name)),
        apiCallsPerRound: calls.get(side.name),
        wallMs: summary(wall.get(side.name)),
      };
      if (side.verify) entry.callsForGetsAfterPreload = await side.verify();
      sides.push(entry);
    }
    const a = sides.find((s) => s.name === "awsconn preload");
    const loop = sides.find((s) => s.name.startsWith("per-id loop"));
    const wallRatio = a ? a.wallMs.median / loop.wallMs.median : undefined;
    out[type] = {
      sides,
      callTarget: backend.callTarget,
      wallRatio: wallRatio !== undefined ? round(wallRatio, 3) : undefined,
      met: a
        ? a.apiCalls <= backend.callTarget && wallRatio <= 0.3 && a.callsForGetsAfterPreload === 0
        : null,
    };
  }
  sm.destroy();
  ssm.destroy();
  ptSsm.client.destroy?.();
  const { ssm: s, secretsmanager: m } = out;
  const awsconnOf = (b) => b.sides.find((x) => x.name === "awsconn preload");
  const verdictOf = (label, b) =>
    awsconnOf(b)
      ? `${label}: ${awsconnOf(b).apiCalls} calls (target ≤ ${b.callTarget}), ${b.wallRatio}x the loop's wall time`
      : `${label}: awsconn not available`;
  const loopTarget = (b) =>
    round(0.3 * b.sides.find((x) => x.name.startsWith("per-id loop")).wallMs.median, 3);
  return {
    method: `${COUNT} ids, ${ROUNDS} rounds per backend alternating the order of the sides, medians over the rounds; the awsconn cache is cleared before each preload; API calls counted by the proxy. After the rounds, ${COUNT} gets on the preloaded resolver are checked to make no API call.`,
    backends: out,
    notes,
    target: "SSM ≤ 5 calls, Secrets Manager ≤ 3 calls, wall time ≤ 0.3x the per-id loop",
    met: s.met === null ? null : s.met && m.met,
    missedBy: missedByOf([
      ["SSM", s],
      ["Secrets Manager", m],
    ]),
    verdict: `${verdictOf("SSM", s)}; ${verdictOf("Secrets Manager", m)}`,
    chart: {
      subtitle: `${COUNT} connections into an empty cache`,
      panels: [
        {
          label: "SSM: API calls",
          unit: "calls",
          better: "lower",
          target: 5,
          bars: s.sides.map((x) => ({ name: x.name, value: x.apiCalls })),
        },
        {
          label: "SSM: wall time (median)",
          unit: "ms",
          better: "lower",
          target: loopTarget(s),
          bars: s.sides.map((x) => ({ name: x.name, value: x.wallMs.median })),
        },
        {
          label: "Secrets Manager: API calls",
          unit: "calls",
          better: "lower",
          target: 3,
          bars: m.sides.map((x) => ({ name: x.name, value: x.apiCalls })),
        },
        {
          label: "Secrets Manager: wall time (median)",
          unit: "ms",
          better: "lower",
          target: loopTarget(m),
          bars: m.sides.map((x) => ({ name: x.name, value: x.wallMs.median })),
        },
      ],
    },
  };
}
