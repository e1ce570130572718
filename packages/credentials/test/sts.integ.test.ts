// Integration: resolveAwsConfig against a real moto STS (started by the testkit's global setup),
// through the real AWS SDK clients. A counting loopback proxy in front of moto shows what went on
// the wire.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { type Connection, createConnection, SourceError } from "@awsconn/core";
import { type Fault, type LoopbackProxy, startFaultProxy, startLoopbackProxy } from "@awsconn/testkit/faults";
import { motoEndpoint } from "@awsconn/testkit/moto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerIdentity } from "../src/callerIdentity.js";
import { resolveAwsConfig } from "../src/resolveAwsConfig.js";

const ACCOUNT = "123456789012";
const ROLE_NAME = "awsconn-etl";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`;
// Nothing listens here: the connection-wide endpoint must never be used to assume the role.
const DEAD_ENDPOINT = "http://127.0.0.1:9";

let proxy: LoopbackProxy;

beforeAll(async () => {
  proxy = await startLoopbackProxy({ target: motoEndpoint() });
});
afterAll(async () => {
  await proxy?.close();
});

function roleConnection(connId: string, extra: Record<string, unknown> = {}): Connection {
  return createConnection({
    connId,
    connType: "aws",
    login: "testing",
    password: "testing",
    extra: {
      role_arn: ROLE_ARN,
      region_name: "us-east-1",
      endpoint_url: motoEndpoint(),
      service_config: { sts: { endpoint_url: proxy.endpoint } },
      ...extra,
    },
  });
}

async function callerArn(config: Awaited<ReturnType<typeof resolveAwsConfig>>): Promise<string | undefined> {
  const sts = new STSClient(config);
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  } finally {
    sts.destroy();
  }
}

function sentParams(operation: string): URLSearchParams[] {
  return proxy.requests.filter((r) => r.operation === operation).map((r) => new URLSearchParams(r.body));
}

describe("assume role against moto STS", () => {
  it("sends ExternalId and DurationSeconds; the credentials expire after DurationSeconds", async () => {
    proxy.reset();
    const config = await resolveAwsConfig(
      roleConnection("ext_conn", {
        endpoint_url: DEAD_ENDPOINT,
        assume_role_kwargs: { ExternalId: "ext-4711", DurationSeconds: 900 },
      }),
    );
    const before = Date.now();
    const creds = await config.credentials();
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    expect(creds.sessionToken).toBeTruthy();
    const lifetimeS = (creds.expiration!.getTime() - before) / 1000;
    expect(lifetimeS).toBeGreaterThan(850);
    expect(lifetimeS).toBeLessThan(960);
    const [params] = sentParams("AssumeRole");
    expect(params?.get("ExternalId")).toBe("ext-4711");
    expect(params?.get("DurationSeconds")).toBe("900");
    expect(params?.get("RoleArn")).toBe(ROLE_ARN);
    expect(params?.get("RoleSessionName")).toBe("airflow_ext_conn");
  });

  it.each([
    ["aws/test", "airflow_aws-test"],
    ["Team.ETL#1", "airflow_team.etl-1"],
  ])(
    "GetCallerIdentity through a client built from the config returns the assumed role with Airflow's session name (%s)",
    async (connId, session) => {
      const config = await resolveAwsConfig(roleConnection(connId), { service: "sts" });
      expect(config.method).toBe("assume-role");
      expect(config.endpoint).toBe(proxy.endpoint);
      expect(await callerArn(config)).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE_NAME}/${session}`);
    },
  );

  it("1,000 concurrent callers cause exactly one AssumeRole on the wire", async () => {
    proxy.reset();
    const config = await resolveAwsConfig(roleConnection("burst"));
    const all = await Promise.all(Array.from({ length: 1000 }, () => config.credentials()));
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(proxy.count("AssumeRole")).toBe(1);
  });

  it("refreshes 5 minutes before expiry: 1,000 concurrent callers then cause one more AssumeRole", async () => {
    proxy.reset();
    let clock = Date.now();
    const config = await resolveAwsConfig(
      roleConnection("refresh", { assume_role_kwargs: { DurationSeconds: 900 } }),
      {
        now: () => clock,
      },
    );
    const first = await config.credentials();
    expect(proxy.count("AssumeRole")).toBe(1);

    clock = first.expiration!.getTime() - 5 * 60_000 - 1_000; // just outside the refresh window
    expect((await config.credentials()).accessKeyId).toBe(first.accessKeyId);
    expect(proxy.count("AssumeRole")).toBe(1);

    clock += 1_000; // exactly 5 minutes before expiry
    const all = await Promise.all(Array.from({ length: 1000 }, () => config.credentials()));
    expect(proxy.count("AssumeRole")).toBe(2);
    const keys = new Set(all.map((c) => c.accessKeyId));
    expect(keys.size).toBe(1);
    expect(keys.has(first.accessKeyId)).toBe(false);
  });

  it("an STS error is a SourceError naming the role, never the keys", async () => {
    const denying = await startLoopbackProxy({
      respond: () => ({
        status: 403,
        headers: { "content-type": "text/xml" },
        body:
          '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
          "<Code>AccessDenied</Code><Message>User AKIASOURCEKEY1234567 is not authorized to perform: sts:AssumeRole</Message>" +
          "</Error><RequestId>r-1</RequestId></ErrorResponse>",
      }),
    });
    try {
      const config = await resolveAwsConfig(
        roleConnection("denied", { service_config: { sts: { endpoint_url: denying.endpoint } } }),
      );
      const error = await config.credentials().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).message).toContain(ROLE_ARN);
      expect((error as SourceError).awsErrorName).toBe("AccessDenied");
      expect((error as SourceError).message).not.toContain("AKIASOURCEKEY1234567");
      expect((error as SourceError).message).not.toContain("testing");
    } finally {
      await denying.close();
    }
  });
});

describe("web identity against moto STS", () => {
  it("reads the token file and assumes the role with Airflow's session name", async () => {
    const dir = await mkdtemp(join(tmpdir(), "awsconn-wi-"));
    const tokenFile = join(dir, "token");
    await writeFile(tokenFile, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.\n");
    proxy.reset();
    const conn = createConnection({
      connId: "wi_conn",
      connType: "aws",
      extra: {
        role_arn: ROLE_ARN,
        region_name: "us-east-1",
        assume_role_method: "assume_role_with_web_identity",
        assume_role_with_web_identity_token_file: tokenFile,
        assume_role_kwargs: { DurationSeconds: 1200 },
        service_config: { sts: { endpoint_url: proxy.endpoint } },
      },
    });
    const config = await resolveAwsConfig(conn, { env: {} });
    expect(config.method).toBe("web-identity");
    const creds = await config.credentials();
    expect(creds.expiration).toBeInstanceOf(Date);
    const [params] = sentParams("AssumeRoleWithWebIdentity");
    expect(params?.get("WebIdentityToken")).toBe("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.");
    expect(params?.get("RoleSessionName")).toBe("airflow_wi_conn");
    expect(params?.get("DurationSeconds")).toBe("1200");
    const arn = await callerArn({ ...config, region: "us-east-1", endpoint: motoEndpoint() });
    expect(arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE_NAME}/airflow_wi_conn`);
  });
});

describe("static keys against moto STS", () => {
  it("signs with the connection's keys", async () => {
    const config = await resolveAwsConfig(
      createConnection({
        connId: "static_conn",
        connType: "aws",
        login: "AKIAIOSFODNN7EXAMPLE",
        password: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        extra: { region_name: "us-east-1", endpoint_url: proxy.endpoint },
      }),
      { service: "sts" },
    );
    expect(config.method).toBe("static");
    proxy.reset();
    expect(await callerArn(config)).toMatch(/^arn:aws:(sts|iam)::\d{12}:/);
    const auth = String(proxy.requests[0]?.headers.authorization);
    expect(auth).toContain("Credential=AKIAIOSFODNN7EXAMPLE/");
  });
});

describe("every STS call ends: a timeout on each attempt (body included) and a deadline per call", () => {
  // Short timeouts from config_kwargs, as a connection may set them: 300 ms per attempt, 2 attempts.
  const FAST = { connect_timeout: 0.3, read_timeout: 0.3, retries: { total_max_attempts: 2 } };

  async function behind<T>(fault: Fault, run: (endpoint: string) => Promise<T>) {
    const sts = await startFaultProxy({ target: motoEndpoint(), script: () => fault });
    const started = performance.now();
    try {
      const error = await run(sts.endpoint).then(
        () => undefined,
        (e: unknown) => e,
      );
      return {
        error: error as SourceError | undefined,
        ms: performance.now() - started,
        requests: sts.count(),
      };
    } finally {
      await sts.close();
    }
  }

  for (const [label, fault] of [
    ["no answer at all", "hang"],
    ["headers, then silence", "stallAfterHeaders"],
    ["a body trickling 1 byte / 200 ms", { trickle: 200 }],
  ] as const) {
    it(`AssumeRole, ${label}: SourceError TimeoutError after 2 x 300 ms`, async () => {
      const r = await behind(fault, async (endpoint) => {
        const config = await resolveAwsConfig(
          roleConnection(`slow_${label.length}`, {
            config_kwargs: FAST,
            service_config: { sts: { endpoint_url: endpoint } },
          }),
        );
        return config.credentials();
      });
      expect(r.error).toBeInstanceOf(SourceError);
      expect(r.error).toMatchObject({ source: "sts", awsErrorName: "TimeoutError", retryable: true });
      expect(r.error?.message).toContain(ROLE_ARN);
      expect(r.requests).toBe(2);
      expect(r.ms).toBeGreaterThanOrEqual(2 * 300 - 50);
      expect(r.ms).toBeLessThan(2 * 300 + 3000);
    });
  }

  it("callerIdentity (awsconn test): the account and ARN; a trickled answer is a SourceError in time", async () => {
    const conn = (endpoint: string) =>
      createConnection({
        connId: "who",
        connType: "aws",
        login: "AKIAIOSFODNN7EXAMPLE",
        password: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        extra: { config_kwargs: FAST, service_config: { sts: { endpoint_url: endpoint } } },
      });
    const ok = await resolveAwsConfig(conn(motoEndpoint()));
    const who = await callerIdentity(conn(motoEndpoint()), {
      credentials: ok.credentials,
      region: "us-east-1",
    });
    expect(who).toMatchObject({ account: ACCOUNT, arn: expect.stringMatching(/^arn:aws:(sts|iam)::/) });

    const r = await behind({ trickle: 200 }, async (endpoint) => {
      const config = await resolveAwsConfig(conn(endpoint));
      return callerIdentity(conn(endpoint), { credentials: config.credentials, region: "us-east-1" });
    });
    expect(r.error).toMatchObject({ source: "sts", awsErrorName: "TimeoutError" });
    expect(r.error?.message).toMatch(/^sts: GetCallerIdentity failed: TimeoutError/);
    expect(r.error?.message).not.toContain("wJalrXUtnFEMI");
    expect(r.requests).toBe(2);
    expect(r.ms).toBeLessThan(2 * 300 + 3000);
  });

  it("callerIdentity: credentials that never come end at the connection's deadline", async () => {
    const never = () => new Promise<never>(() => undefined);
    const started = performance.now();
    const error = await callerIdentity(
      createConnection({
        connId: "stuck",
        connType: "aws",
        extra: {
          config_kwargs: { connect_timeout: 0.1, read_timeout: 0.1, retries: { total_max_attempts: 1 } },
        },
      }),
      { credentials: never, region: "us-east-1" },
    ).catch((e: unknown) => e);
    // deadline = 1 x (100 + 100) + 3000 ms
    expect(error).toMatchObject({ awsErrorName: "TimeoutError" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(3150);
    expect(performance.now() - started).toBeLessThan(3200 + 1000);
  });

  it("a connection's own request handler (config_kwargs.read_timeout) throws on its timeout instead of logging a warning", async () => {
    const r = await behind("hang", async (endpoint) => {
      const config = await resolveAwsConfig(
        createConnection({
          connId: "user_client",
          connType: "aws",
          login: "AKIAIOSFODNN7EXAMPLE",
          password: "x",
          extra: { region_name: "us-east-1", endpoint_url: endpoint, config_kwargs: FAST },
        }),
        { service: "sts" },
      );
      return callerArn(config);
    });
    expect((r.error as Error | undefined)?.name).toBe("TimeoutError");
    expect(r.ms).toBeLessThan(2 * 300 + 3000);
  });
});
