// Every AWS call ends, the body included: a backend that sends the headers and then trickles the body
// (1 byte per 200 ms) or sends nothing more. Each path (Secrets Manager and SSM lookups and batches,
// STS AssumeRole, a ready SDK client, the built CLI's get and test, serve) must end in a typed
// SourceError within the documented bound: attempts x (connect + request timeout) + 3 s, 15 s with
// the defaults (callDeadlineMs). Before this, the SDK cleared its request timer at the headers and
// such a backend held a lookup for ever.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { callDeadlineMs } from "@awsconn/aws-source-common";
import { createConnection, SourceError } from "@awsconn/core";
import { resolveAwsConfig } from "@awsconn/credentials";
import { fromSecretsManager } from "@awsconn/source-secrets-manager";
import { fromSsm } from "@awsconn/source-ssm";
import { type Fault, type FaultProxy, startFaultProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, freePort, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CLI_BIN, CLI_BUILT, runCli } from "./support/cli.js";
import { recordScenario, timed } from "./support/scenario.js";

const prefix = uniquePrefix("deadlines");
const ssmPrefix = `/${uniquePrefix("deadlines-ssm")}`;
const IDS = ["one", "two"];
/** Short timeouts, as a config may set them: 2 attempts of 500 ms. */
const T = { connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 2 };
/** The same as botocore Config arguments (Airflow's config_kwargs), for STS. */
const CONFIG_KWARGS = { connect_timeout: 0.5, read_timeout: 0.5, retries: { total_max_attempts: 2 } };
/** The documented bound of one call with T: 2 x (500 + 500) + 3000 ms. */
const BOUND_MS = callDeadlineMs(T);
/** Node start-up, config discovery and module loading of a CLI process on a busy machine. */
const STARTUP_MS = 5000;

const FAULTS: [string, Fault][] = [
  ["a body trickling 1 byte / 200 ms", { trickle: 200 }],
  ["silence", "stallAfterHeaders"],
];

let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: motoEndpoint() });
  const sm = new SecretsManagerClient(awsTestClientConfig());
  const ssm = new SSMClient(awsTestClientConfig());
  for (const id of IDS) {
    await sm.send(new CreateSecretCommand({ Name: `${prefix}/${id}`, SecretString: `http://h-${id}` }));
    await ssm.send(
      new PutParameterCommand({ Name: `${ssmPrefix}/${id}`, Value: `http://h-${id}`, Type: "SecureString" }),
    );
  }
}, 60_000);

afterAll(async () => {
  await proxy?.close();
});

beforeEach(() => {
  proxy.setScript(undefined);
  proxy.reset();
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_PROFILE", undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The failure must be a retryable TimeoutError SourceError, after the attempts and before the bound. */
function expectTimedOut(error: unknown, ms: number, bound: number, source: string): void {
  expect(error).toBeInstanceOf(SourceError);
  expect(error).toMatchObject({ source, awsErrorName: "TimeoutError", retryable: true });
  expect(ms).toBeGreaterThanOrEqual(T.maxAttempts * T.requestTimeoutMs - 50);
  expect(ms).toBeLessThan(bound);
}

/** An aws connection with static keys whose STS calls (and only those) go through the fault proxy. */
const stsConnection = (extra: Record<string, unknown> = {}) => ({
  conn_type: "aws",
  login: "testing",
  password: "testing",
  extra: {
    region_name: "us-east-1",
    config_kwargs: CONFIG_KWARGS,
    service_config: { sts: { endpoint_url: proxy.endpoint } },
    ...extra,
  },
});
const ROLE = "arn:aws:iam::123456789012:role/deadline-role";

for (const [label, fault] of FAULTS) {
  describe(`a backend that answers with the headers, then ${label}`, () => {
    beforeEach(() => proxy.setScript(() => fault));

    it("Secrets Manager get: TimeoutError SourceError within the bound", async ({ task }) => {
      const { error, ms } = await timed(() =>
        fromSecretsManager({ prefix, region: "us-east-1", endpoint: proxy.endpoint, ...T }).get("one"),
      );
      expectTimedOut(error, ms, BOUND_MS, "secretsmanager");
      expect(proxy.count("GetSecretValue")).toBe(2);
      recordScenario(task, { requests: proxy.count(), outcome: "SourceError TimeoutError", worstMs: ms });
    });

    it("SSM get: TimeoutError SourceError within the bound", async ({ task }) => {
      const { error, ms } = await timed(() =>
        fromSsm({ prefix: ssmPrefix, region: "us-east-1", endpoint: proxy.endpoint, ...T }).get("one"),
      );
      expectTimedOut(error, ms, BOUND_MS, "ssm");
      expect(proxy.count("GetParameter")).toBe(2);
      recordScenario(task, { requests: proxy.count(), outcome: "SourceError TimeoutError", worstMs: ms });
    });

    it("Secrets Manager and SSM batches (getMany): TimeoutError SourceError within the bound", async ({
      task,
    }) => {
      const sm = await timed(async () =>
        fromSecretsManager({ prefix, region: "us-east-1", endpoint: proxy.endpoint, ...T }).getMany?.(IDS),
      );
      expectTimedOut(sm.error, sm.ms, BOUND_MS, "secretsmanager");
      const ssm = await timed(async () =>
        fromSsm({ prefix: ssmPrefix, region: "us-east-1", endpoint: proxy.endpoint, ...T }).getMany?.(IDS),
      );
      expectTimedOut(ssm.error, ssm.ms, BOUND_MS, "ssm");
      expect([proxy.count("BatchGetSecretValue"), proxy.count("GetParameters")]).toEqual([2, 2]);
      recordScenario(task, {
        requests: proxy.count(),
        outcome: "both SourceError TimeoutError",
        worstMs: Math.max(sm.ms, ssm.ms),
      });
    });

    it("STS AssumeRole for an aws connection's role_arn: TimeoutError SourceError within the bound", async ({
      task,
    }) => {
      const config = await resolveAwsConfig(
        createConnection({ connId: "role", ...stsConnection({ role_arn: ROLE }), connType: "aws" }),
      );
      const { error, ms } = await timed(() => config.credentials());
      expectTimedOut(error, ms, BOUND_MS, "sts");
      expect(proxy.count()).toBe(2);
      recordScenario(task, { requests: proxy.count(), outcome: "SourceError TimeoutError", worstMs: ms });
    });

    it("a ready SDK client of the caller (no timeouts of its own): the source's deadline per call ends it", async ({
      task,
    }) => {
      const client = new SecretsManagerClient({ ...awsTestClientConfig(proxy.endpoint), maxAttempts: 1 });
      const init = { prefix, client, connectTimeoutMs: 300, requestTimeoutMs: 300, maxAttempts: 1 };
      const bound = callDeadlineMs(init); // 1 x (300 + 300) + 3000
      const { error, ms } = await timed(() => fromSecretsManager(init).get("one"));
      expect(error).toMatchObject({
        source: "secretsmanager",
        awsErrorName: "TimeoutError",
        retryable: true,
      });
      expect((error as Error).message).toContain(`within ${bound} ms`);
      expect(ms).toBeGreaterThanOrEqual(bound - 50);
      expect(ms).toBeLessThan(bound + 1000);
      client.destroy();
      recordScenario(task, {
        requests: proxy.count(),
        outcome: "SourceError TimeoutError (deadline)",
        worstMs: ms,
      });
    });

    describe.runIf(CLI_BUILT)("the built CLI", () => {
      it("get exits 4 with the TimeoutError within the bound (3 attempts of 500 + 500 ms)", async ({
        task,
      }) => {
        const dir = mkdtempSync(join(tmpdir(), "awsconn-deadline-cli-"));
        const config = join(dir, "awsconn.config.yaml");
        writeFileSync(
          config,
          `sources:\n  - type: secretsmanager\n    prefix: ${prefix}\n    region: us-east-1\n    endpoint: ${proxy.endpoint}\n    connectTimeoutMs: 500\n    requestTimeoutMs: 500\n`,
        );
        const r = await runCli(["--config", config, "get", "one"], {
          env: { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
        });
        expect(r.code, r.stderr).toBe(4);
        expect(r.stderr).toMatch(/secretsmanager: GetSecretValue .* TimeoutError/);
        expect(proxy.count("GetSecretValue")).toBe(3); // maxAttempts is not a config key: the default 3
        expect(r.ms).toBeLessThan(
          callDeadlineMs({ connectTimeoutMs: 500, requestTimeoutMs: 500 }) + STARTUP_MS,
        );
        recordScenario(task, {
          requests: proxy.count(),
          outcome: `exit ${r.code} TimeoutError`,
          worstMs: r.ms,
        });
      });

      it("test (STS GetCallerIdentity) exits 4 with the TimeoutError within the bound", async ({ task }) => {
        const r = await runCli(["test", "probe"], {
          env: { AIRFLOW_CONN_PROBE: JSON.stringify(stsConnection()) },
        });
        expect(r.code, r.stderr).toBe(4);
        expect(r.stderr).toMatch(/sts: GetCallerIdentity failed: TimeoutError/);
        expect(proxy.count()).toBe(2);
        expect(r.ms).toBeLessThan(BOUND_MS + STARTUP_MS);
        recordScenario(task, {
          requests: proxy.count(),
          outcome: `exit ${r.code} TimeoutError`,
          worstMs: r.ms,
        });
      });

      it("serve: /credentials of a role answers 502 SOURCE_FAILED (TimeoutError) within the bound", async ({
        task,
      }) => {
        const serve = await startServe({
          AIRFLOW_CONN_ROLE: JSON.stringify(stsConnection({ role_arn: ROLE })),
        });
        try {
          const { value, ms } = await timed(() =>
            fetch(`${serve.url}/credentials/role`, { headers: { authorization: serve.token } }),
          );
          const body = (await value?.json()) as { code: string; message: string };
          expect(value?.status).toBe(502);
          expect(body.code).toBe("SOURCE_FAILED");
          expect(body.message).toMatch(/TimeoutError/);
          expect(ms).toBeLessThan(BOUND_MS);
          recordScenario(task, {
            requests: proxy.count(),
            outcome: `HTTP ${value?.status} ${body.code}`,
            worstMs: ms,
          });
        } finally {
          await serve.stop();
        }
      });
    });
  });
}

describe("with the default timeouts (connect 1 s, whole answer 3 s, 3 attempts): within 15 s", () => {
  beforeEach(() => proxy.setScript(() => "stallAfterHeaders"));

  it("Secrets Manager get", async ({ task }) => {
    const { error, ms } = await timed(() =>
      fromSecretsManager({ prefix, region: "us-east-1", endpoint: proxy.endpoint }).get("one"),
    );
    expect(error).toMatchObject({ source: "secretsmanager", awsErrorName: "TimeoutError" });
    expect(proxy.count()).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(3 * 3000 - 50);
    expect(ms).toBeLessThan(callDeadlineMs({}));
    recordScenario(task, { requests: proxy.count(), outcome: "SourceError TimeoutError", worstMs: ms });
  }, 30_000);

  it("STS AssumeRole without config_kwargs", async ({ task }) => {
    const { config_kwargs: _none, ...extra } = stsConnection({ role_arn: ROLE }).extra;
    const config = await resolveAwsConfig(
      createConnection({
        connId: "role_default",
        connType: "aws",
        login: "testing",
        password: "testing",
        extra,
      }),
    );
    const { error, ms } = await timed(() => config.credentials());
    expect(error).toMatchObject({ source: "sts", awsErrorName: "TimeoutError" });
    expect(ms).toBeGreaterThanOrEqual(3 * 3000 - 50);
    expect(ms).toBeLessThan(callDeadlineMs({}));
    recordScenario(task, { requests: proxy.count(), outcome: "SourceError TimeoutError", worstMs: ms });
  }, 30_000);

  it("the fault proxy's faults were needed: the same clients read the values when it passes", async () => {
    proxy.setScript(undefined);
    const hit = await fromSecretsManager({ prefix, region: "us-east-1", endpoint: proxy.endpoint }).get(
      "one",
    );
    expect(hit?.connection.host).toBe("h-one");
    // ... and a plain SDK client without awsconn's handler is what used to hang: it is still waiting at 2 s.
    proxy.setScript(() => "stallAfterHeaders");
    const plain = new SecretsManagerClient(awsTestClientConfig(proxy.endpoint));
    const waited = await Promise.race([
      plain.send(new GetSecretValueCommand({ SecretId: `${prefix}/one` })).then(
        () => "answered",
        () => "failed",
      ),
      new Promise((r) => setTimeout(() => r("still waiting"), 2000)),
    ]);
    expect(waited).toBe("still waiting");
    plain.destroy();
  });
});

// ---------------------------------------------------------------------------------------------

/** Starts the built `awsconn serve` on a free port with a token file, until `stop()`. */
async function startServe(
  env: Record<string, string>,
): Promise<{ url: string; token: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-deadline-serve-"));
  const port = await freePort();
  const tokenFile = join(dir, "token");
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI_BIN, "serve", "--port", String(port), "--token-file", tokenFile],
    {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: dir,
        AWS_CONFIG_FILE: join(dir, "none"),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
        AWS_EC2_METADATA_DISABLED: "true",
        ...env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), 30_000);
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
      if (/listening on/.test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`serve exited:\n${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    token: readFileSync(tokenFile, "utf8"),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
