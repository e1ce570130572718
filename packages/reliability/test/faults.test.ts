import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { isAwsconnError, SourceError } from "@awsconn/core";
import { fromSecretsManager } from "@awsconn/source-secrets-manager";
import { fromSsm } from "@awsconn/source-ssm";
import { type FaultProxy, faultSequence, startFaultProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, startMoto, uniquePrefix } from "@awsconn/testkit/moto";
import { createResolver, type ResolverEvent } from "awsconn";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CLI_BUILT, runCli } from "./support/cli.js";
import { recordScenario, timed } from "./support/scenario.js";

// Every scenario talks to the real moto server through the fault proxy, with the real AWS SDK
// clients built by the sources themselves (timeouts, standard retry).
const prefix = uniquePrefix("faults");
const ssmPrefix = `/${uniquePrefix("faults-ssm")}`;
const IDS = Array.from({ length: 20 }, (_, i) => `flap_${i}`);
const SECRET_MARK = "FAULTSECRET";

let proxy: FaultProxy;
const sm = () => new SecretsManagerClient(awsTestClientConfig());

beforeAll(async () => {
  proxy = await startFaultProxy({ target: motoEndpoint() });
  const client = sm();
  const put = (id: string, value: string) =>
    client.send(new CreateSecretCommand({ Name: `${prefix}/${id}`, SecretString: value }));
  await put("stable", `postgres://etl:${SECRET_MARK}stable@stable.internal:5432/dwh`);
  await put("cached", `postgres://etl:${SECRET_MARK}v1@v1.internal:5432/dwh`);
  await put("uncached", `postgres://etl:${SECRET_MARK}u@u.internal:5432/dwh`);
  // A long value, so a truncated answer cuts inside the secret.
  await put(
    "long",
    JSON.stringify({ conn_type: "http", host: "long.internal", password: SECRET_MARK.repeat(50) }),
  );
  for (const id of IDS) await put(id, `http://${id}:${SECRET_MARK}${id}@${id}.internal:80`);
  await new SSMClient(awsTestClientConfig()).send(
    new PutParameterCommand({
      Name: `${ssmPrefix}/stable`,
      Value: `mysql://app:${SECRET_MARK}ssm@ssm.internal`,
      Type: "SecureString",
    }),
  );
}, 120_000);

afterAll(async () => {
  await proxy?.close();
});

beforeEach(async () => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_PROFILE", undefined);
  await proxy.up();
  proxy.setScript(undefined);
  proxy.reset();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

interface Timeouts {
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

function smSource(t: Timeouts = {}) {
  return fromSecretsManager({ prefix, region: "us-east-1", endpoint: proxy.endpoint, ...t });
}

/** Worst-case time of one lookup: every attempt runs into its timeout, plus the SDK's backoff (capped at 20 s a retry, far less at these attempt counts). */
function budgetMs(t: Required<Timeouts>): number {
  const backoff = 100 * 2 ** t.maxAttempts; // standard retry: base 100 ms (500 ms throttled) x 2^attempt
  return t.maxAttempts * (t.connectTimeoutMs + t.requestTimeoutMs) + 5 * backoff + 1000;
}

function eventLog() {
  const events: ResolverEvent[] = [];
  return { events, logger: (e: ResolverEvent) => events.push(e) };
}

describe("throttling", () => {
  it("a burst of 2 ThrottlingExceptions is retried with backoff, then resolves: exactly 3 requests", async ({
    task,
  }) => {
    proxy.setScript(
      faultSequence([{ throttle: "ThrottlingException" }, { throttle: "ThrottlingException" }]),
    );
    const { value, error, ms } = await timed(() => smSource().get("stable"));

    expect(error).toBeUndefined();
    expect(value?.connection.host).toBe("stable.internal");
    expect(proxy.count("GetSecretValue")).toBe(3);
    const at = proxy.records.map((r) => r.at);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? t));
    recordScenario(task, {
      requests: proxy.count(),
      outcome: `resolved after 2 throttles (gaps ${gaps.map((g) => Math.round(g)).join(", ")} ms)`,
      worstMs: ms,
    });
  });

  it("retries are spaced by jittered backoff: 10 ids throttled twice each, gaps measured per id", async ({
    task,
  }) => {
    const seen = new Map<string, number>();
    proxy.setScript(({ body }) => {
      const id = (JSON.parse(body) as { SecretId?: string }).SecretId ?? "";
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      return n < 2 ? { throttle: "ThrottlingException" } : "pass";
    });
    const source = smSource();
    const ids = IDS.slice(0, 10);
    const started = performance.now();
    const hits = await Promise.all(ids.map((id) => source.get(id)));

    expect(hits.map((h) => h?.connection.host)).toEqual(ids.map((id) => `${id}.internal`));
    expect(proxy.count()).toBe(30);
    const gaps: number[] = [];
    for (const id of ids) {
      const at = proxy.records.filter((r) => r.body.includes(`/${id}"`)).map((r) => r.at);
      expect(at).toHaveLength(3);
      gaps.push((at[1] as number) - (at[0] as number), (at[2] as number) - (at[1] as number));
    }
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    // The SDK's throttling backoff is random(0..1) x 500 ms x 2^attempt: about 750 ms on average over
    // these 20 retries. Immediate retries would average a few ms; identical gaps would mean no jitter.
    expect(mean).toBeGreaterThan(100);
    expect(new Set(gaps.map((g) => Math.round(g / 10))).size).toBeGreaterThan(5);
    recordScenario(task, {
      requests: proxy.count(),
      outcome: `10 ids resolved; mean backoff ${Math.round(mean)} ms (min ${Math.round(Math.min(...gaps))}, max ${Math.round(Math.max(...gaps))})`,
      worstMs: performance.now() - started,
    });
  });

  it("SSM: a TooManyRequestsException burst (429) is retried, then resolves", async ({ task }) => {
    proxy.setScript(
      faultSequence([{ throttle: "TooManyRequestsException" }, { throttle: "TooManyRequestsException" }]),
    );
    const ssm = fromSsm({ prefix: ssmPrefix, region: "us-east-1", endpoint: proxy.endpoint });
    const { value, ms } = await timed(() => ssm.get("stable"));

    expect(value?.connection.host).toBe("ssm.internal");
    expect(proxy.count("GetParameter")).toBe(3);
    recordScenario(task, { requests: proxy.count(), outcome: "resolved after 2 throttles", worstMs: ms });
  });

  it("a burst longer than maxAttempts fails with a retryable SourceError after exactly maxAttempts requests", async ({
    task,
  }) => {
    proxy.setScript(() => ({ throttle: "ThrottlingException" }));
    const { error, ms } = await timed(() => smSource({ maxAttempts: 3 }).get("stable"));

    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({
      retryable: true,
      awsErrorName: "ThrottlingException",
      source: "secretsmanager",
    });
    expect(proxy.count()).toBe(3);
    recordScenario(task, {
      requests: proxy.count(),
      outcome: "SourceError ThrottlingException",
      worstMs: ms,
    });
  });

  it("the facade: 50 concurrent lookups of one throttled id share one flight (3 requests)", async ({
    task,
  }) => {
    proxy.setScript(
      faultSequence([{ throttle: "ThrottlingException" }, { throttle: "ThrottlingException" }]),
    );
    const resolver = createResolver({ sources: [{ source: smSource() }] });
    const started = performance.now();
    const all = await Promise.all(Array.from({ length: 50 }, () => resolver.get("stable")));

    expect(all.every((c) => c.host === "stable.internal")).toBe(true);
    expect(proxy.count()).toBe(3);
    recordScenario(task, {
      requests: proxy.count(),
      outcome: "50 callers resolved",
      worstMs: performance.now() - started,
    });
  });

  it("503 and 500 answers are retried like throttling", async ({ task }) => {
    proxy.setScript(faultSequence([{ status: 503 }, { status: 500 }]));
    const { value, ms } = await timed(() => smSource().get("stable"));

    expect(value?.connection.host).toBe("stable.internal");
    expect(proxy.count()).toBe(3);
    recordScenario(task, { requests: proxy.count(), outcome: "resolved after 503, 500", worstMs: ms });
  });

  it("reset and dropped connections are retried", async ({ task }) => {
    proxy.setScript(faultSequence(["reset", "drop"]));
    const { value, ms } = await timed(() => smSource().get("stable"));

    expect(value?.connection.host).toBe("stable.internal");
    expect(proxy.count()).toBe(3);
    recordScenario(task, { requests: proxy.count(), outcome: "resolved after reset, drop", worstMs: ms });
  });
});

describe("truncated answers", () => {
  it("a body cut inside the secret is a SourceError (never a half-parsed connection) and does not quote the secret", async ({
    task,
  }) => {
    proxy.setScript(() => ({ truncate: 300 }));
    const { value, error, ms } = await timed(() => smSource({ maxAttempts: 2 }).get("long"));

    expect(value).toBeUndefined();
    expect(error).toBeInstanceOf(SourceError);
    expect(proxy.count()).toBeLessThanOrEqual(2);
    for (const text of [
      String(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
    ]) {
      expect(text).not.toContain(SECRET_MARK);
    }
    recordScenario(task, {
      requests: proxy.count(),
      outcome: `SourceError ${(error as SourceError).awsErrorName}`,
      worstMs: ms,
    });
  });
});

describe("request timeout", () => {
  it("latency above the request timeout gives SourceError after the timeout, not after the delay", async ({
    task,
  }) => {
    const t = { connectTimeoutMs: 500, requestTimeoutMs: 300, maxAttempts: 1 };
    proxy.setScript(() => ({ delayMs: 5000 }));
    const { error, ms } = await timed(() => smSource(t).get("stable"));

    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).retryable).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(280);
    expect(ms).toBeLessThan(5000);
    recordScenario(task, {
      requests: proxy.count(),
      outcome: `SourceError ${(error as SourceError).awsErrorName}`,
      worstMs: ms,
    });
  });

  it("with 3 attempts the whole lookup still ends within the attempts' timeouts", async ({ task }) => {
    const t = { connectTimeoutMs: 500, requestTimeoutMs: 300, maxAttempts: 3 };
    proxy.setScript(() => ({ delayMs: 5000 }));
    const { error, ms } = await timed(() => smSource(t).get("stable"));

    expect(error).toBeInstanceOf(SourceError);
    expect(proxy.count()).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(3 * 280);
    expect(ms).toBeLessThan(budgetMs(t));
    recordScenario(task, { requests: proxy.count(), outcome: "SourceError after 3 timeouts", worstMs: ms });
  });

  it("a backend that accepts and never answers cannot hang a lookup", async ({ task }) => {
    const t = { connectTimeoutMs: 500, requestTimeoutMs: 400, maxAttempts: 2 };
    proxy.setScript(() => "hang");
    const { error, ms } = await timed(() => smSource(t).get("stable"));

    expect(error).toBeInstanceOf(SourceError);
    expect(ms).toBeLessThan(budgetMs(t));
    recordScenario(task, { requests: proxy.count(), outcome: "SourceError (hung backend)", worstMs: ms });
  });
});

describe("backend down mid-run", () => {
  it("cached ids are served stale with a warning, uncached ids fail in time, fresh values after restart", async ({
    task,
  }) => {
    const t = { connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 3 };
    const clock = { t: 1_000_000, now: () => clock.t };
    const log = eventLog();
    const resolver = createResolver({
      sources: [{ source: smSource(t) }],
      clock,
      logger: log.logger,
      cache: { ttlSeconds: 60, maxStaleSeconds: 3600, staleWhileRevalidate: false, negativeTtlSeconds: 0 },
    });
    expect((await resolver.get("cached")).host).toBe("v1.internal");

    await proxy.down();
    // While the backend is away the secret changes: after the restart the new value must show.
    await sm().send(
      new PutSecretValueCommand({
        SecretId: `${prefix}/cached`,
        SecretString: `postgres://etl:${SECRET_MARK}v2@v2.internal:5432/dwh`,
      }),
    );
    clock.t += 61_000;
    proxy.reset();

    const stale = await timed(() => resolver.get("cached"));
    const uncached = await timed(() => resolver.get("uncached"));

    expect(stale.value?.host).toBe("v1.internal");
    expect(log.events).toContainEqual(expect.objectContaining({ type: "stale", connId: "cached" }));
    expect(uncached.error).toBeInstanceOf(SourceError);
    expect((uncached.error as SourceError).retryable).toBe(true);
    expect(uncached.ms).toBeLessThan(budgetMs(t));
    expect(stale.ms).toBeLessThan(budgetMs(t));
    const requestsWhileDown = proxy.count();
    expect(requestsWhileDown).toBe(0); // refused at connect: nothing reached the proxy's handler
    for (const e of log.events) expect(JSON.stringify(e)).not.toContain(SECRET_MARK);

    await proxy.up();
    clock.t += 61_000;
    const fresh = await timed(() => resolver.get("cached"));
    const nowFound = await timed(() => resolver.get("uncached"));
    expect(fresh.value?.host).toBe("v2.internal");
    expect(nowFound.value?.host).toBe("u.internal");
    recordScenario(task, {
      requests: proxy.count(),
      outcome: "stale served + warning; uncached SourceError; fresh after restart",
      worstMs: Math.max(stale.ms, uncached.ms, fresh.ms, nowFound.ms),
    });
  });
});

describe("a dedicated moto server killed mid-run and started again", () => {
  it("stale value + warning while moto is dead, SourceError for uncached ids in time, fresh values from the new server", async ({
    task,
  }) => {
    const t = { connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 3 };
    const seed = async (endpoint: string, version: string) => {
      const client = new SecretsManagerClient(awsTestClientConfig(endpoint));
      for (const id of ["cached", "later"]) {
        await client.send(
          new CreateSecretCommand({
            Name: `${prefix}/${id}`,
            SecretString: `postgres://etl:${SECRET_MARK}${version}@${id}-${version}.internal/dwh`,
          }),
        );
      }
    };
    let moto = await startMoto({ services: ["secretsmanager"] });
    const front = await startFaultProxy({ target: moto.endpoint });
    try {
      await seed(moto.endpoint, "v1");
      const clock = { t: 1_000_000, now: () => clock.t };
      const log = eventLog();
      const resolver = createResolver({
        sources: [
          { source: fromSecretsManager({ prefix, region: "us-east-1", endpoint: front.endpoint, ...t }) },
        ],
        clock,
        logger: log.logger,
        cache: { ttlSeconds: 60, staleWhileRevalidate: false, negativeTtlSeconds: 0 },
      });
      expect((await resolver.get("cached")).host).toBe("cached-v1.internal");

      await moto.stop(); // the real server process is gone: the proxy now answers 502
      clock.t += 61_000;
      const stale = await timed(() => resolver.get("cached"));
      const uncached = await timed(() => resolver.get("later"));
      expect(stale.value?.host).toBe("cached-v1.internal");
      expect(log.events).toContainEqual(expect.objectContaining({ type: "stale", connId: "cached" }));
      expect(uncached.error).toBeInstanceOf(SourceError);
      expect((uncached.error as SourceError).retryable).toBe(true);
      expect(uncached.ms).toBeLessThan(budgetMs(t));

      moto = await startMoto({ services: ["secretsmanager"] }); // a new, empty server on a new port
      await seed(moto.endpoint, "v2");
      front.setTarget(moto.endpoint);
      clock.t += 61_000;
      const fresh = await timed(() => resolver.get("cached"));
      const found = await timed(() => resolver.get("later"));
      expect(fresh.value?.host).toBe("cached-v2.internal");
      expect(found.value?.host).toBe("later-v2.internal");
      for (const e of log.events) expect(JSON.stringify(e)).not.toContain(SECRET_MARK);
      recordScenario(task, {
        requests: front.count(),
        outcome: `moto killed: stale + warning, uncached ${(uncached.error as SourceError).awsErrorName}; restarted: fresh`,
        worstMs: Math.max(stale.ms, uncached.ms, fresh.ms, found.ms),
      });
    } finally {
      await front.close();
      await moto.stop();
    }
  });
});

describe.runIf(CLI_BUILT)("the built CLI with the backend down", () => {
  it("get and uri exit 4 (source failed) within the configured timeouts; no secret on either stream", async ({
    task,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-rel-cli-"));
    const config = join(dir, "awsconn.config.yaml");
    writeFileSync(
      config,
      [
        "sources:",
        "  - type: secretsmanager",
        `    prefix: ${prefix}`,
        "    region: us-east-1",
        `    endpoint: ${proxy.endpoint}`,
        "    connectTimeoutMs: 500",
        "    requestTimeoutMs: 500",
        "",
      ].join("\n"),
    );
    const env = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" };
    const up = await runCli(["--config", config, "get", "stable"], { env });
    expect(up.code).toBe(0);
    expect(up.stdout).toContain("stable.internal");

    await proxy.down();
    const results = [
      await runCli(["--config", config, "get", "stable"], { env }),
      await runCli(["--config", config, "uri", "stable"], { env }),
      await runCli(["--config", config, "--json", "get", "uncached"], { env }),
    ];
    proxy.setScript(() => "hang");
    await proxy.up();
    results.push(await runCli(["--config", config, "get", "stable"], { env }));

    for (const r of results) {
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/secretsmanager/);
      expect(r.stdout + r.stderr).not.toContain(SECRET_MARK);
      // 3 attempts x (connect 500 + request 500) + backoff, plus Node start-up
      expect(r.ms).toBeLessThan(
        budgetMs({ connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 3 }) + 5000,
      );
    }
    recordScenario(task, {
      requests: proxy.count(),
      outcome: `CLI exit codes ${results.map((r) => r.code).join(", ")} (down x3, hung x1)`,
      worstMs: Math.max(...results.map((r) => r.ms)),
    });
  });
});

describe.runIf(CLI_BUILT)("the built CLI's explain with the backend down", () => {
  // When a failing source stopped the lookup, explain must not say "not found" (exit 3): it says
  // the lookup stopped at the failed source and exits 4, as `get` does.
  it("explain reports the failure (not 'not found') and exits 4", async () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-rel-explain-"));
    const config = join(dir, "awsconn.config.yaml");
    writeFileSync(
      config,
      `sources:\n  - type: secretsmanager\n    prefix: ${prefix}\n    region: us-east-1\n    endpoint: ${proxy.endpoint}\n    connectTimeoutMs: 300\n`,
    );
    await proxy.down();
    const r = await runCli(["--config", config, "explain", "uncached"], {
      env: { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
    });
    expect(r.stdout + r.stderr).toMatch(/SOURCE_FAILED/);
    expect(r.stdout + r.stderr).not.toMatch(/not found in any source/);
    expect(r.code).toBe(4);
  });
});

describe("200 concurrent lookups of 20 ids while the backend flaps", () => {
  /** Request i: reset, 503, throttle, slow, truncated or passed, in a fixed mix. */
  const flapping = faultSequence(
    Array.from({ length: 4000 }, (_, i) => {
      const mix = [
        "reset",
        { status: 503 },
        { throttle: "ThrottlingException" },
        { delayMs: 30 },
        "pass",
        { truncate: 40 },
        "pass",
        "drop",
      ] as const;
      return mix[(i * 7 + (i >> 3)) % mix.length] as (typeof mix)[number];
    }),
  );

  async function flap(
    run: () => Promise<unknown>[],
    label: string,
    task: Parameters<typeof recordScenario>[0],
  ) {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    proxy.setScript(flapping);
    // The backend also goes away for 30 ms out of every 300 ms.
    let toggles = 0;
    let tick = 0;
    const flipper = setInterval(() => {
      tick++;
      const wantUp = tick % 10 !== 0;
      if (wantUp === proxy.isUp) return;
      toggles++;
      void (wantUp ? proxy.up() : proxy.down());
    }, 30);
    const started = performance.now();
    let worst = 0;
    const calls = run().map(async (p, i) => {
      try {
        const value = await p;
        return { i, value };
      } catch (error) {
        return { i, error };
      } finally {
        worst = Math.max(worst, performance.now() - started);
      }
    });
    const settled = await Promise.all(calls);
    clearInterval(flipper);
    await proxy.up();
    await new Promise((r) => setTimeout(r, 50));
    process.removeListener("unhandledRejection", onUnhandled);

    expect(unhandled).toEqual([]);
    let ok = 0;
    for (const s of settled) {
      const id = IDS[s.i % IDS.length] as string;
      if ("error" in s) {
        expect(isAwsconnError(s.error), `call ${s.i}: ${String(s.error)}`).toBe(true);
        expect(String(s.error)).not.toContain(SECRET_MARK);
        continue;
      }
      ok++;
      const c =
        (s.value as { connection?: { host?: string; password?: string; connId: string } }).connection ??
        (s.value as { host?: string; password?: string; connId: string });
      expect(c.connId).toBe(id);
      expect(c.host).toBe(`${id}.internal`);
      expect(c.password).toBe(`${SECRET_MARK}${id}`);
    }
    // The mix must have exercised both paths, or the test proved nothing.
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThan(settled.length);
    recordScenario(task, {
      requests: proxy.count(),
      outcome: `${label}: ${ok} resolved, ${settled.length - ok} typed errors, 0 unhandled, ${toggles} up/down`,
      worstMs: worst,
    });
    return { ok, settled };
  }

  it("raw source, no coalescing: 200 parallel GetSecretValue calls", async ({ task }) => {
    const source = smSource({ connectTimeoutMs: 1000, requestTimeoutMs: 2000, maxAttempts: 3 });
    await source.get("stable"); // load the SDK and open the client first
    proxy.reset();
    const { settled } = await flap(
      () => Array.from({ length: 200 }, (_, i) => source.get(IDS[i % IDS.length] as string)),
      "source",
      task,
    );
    expect(settled).toHaveLength(200);
  });

  it("the facade (cache off, coalesced flights): 200 parallel lookups", async ({ task }) => {
    const resolver = createResolver({
      sources: [{ source: smSource({ connectTimeoutMs: 1000, requestTimeoutMs: 2000, maxAttempts: 3 }) }],
      cache: { ttlSeconds: 0, negativeTtlSeconds: 0 },
    });
    await resolver.get("stable");
    proxy.reset();
    const { settled } = await flap(
      () => Array.from({ length: 200 }, (_, i) => resolver.get(IDS[i % IDS.length] as string)),
      "facade",
      task,
    );
    expect(settled).toHaveLength(200);
  });
});
