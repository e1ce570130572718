// `awsconn test` (the built binary) against moto's STS: Airflow's test_connection (GetCallerIdentity),
// the STS endpoint taken from service_config.sts only, failures as exit 4 without secrets.
import { type CannedResponse, startLoopbackProxy } from "@awsconn/testkit/faults";
import { motoEndpoint } from "@awsconn/testkit/moto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, SECRET } from "./plant.js";
import { requireBuiltBin, runBin } from "./runBin.js";

let moto: string;
beforeAll(() => {
  requireBuiltBin();
  moto = motoEndpoint();
});

const conn = (fields: Record<string, unknown>) => JSON.stringify({ conn_type: "aws", ...fields });
const test = (connJson: string, args: string[] = [], env: Record<string, string> = {}) =>
  runBin(["test", "aws_default", ...args], { env: { AIRFLOW_CONN_AWS_DEFAULT: connJson, ...env } });

/** An STS (query protocol) error answer. */
function stsError(status: number, code: string, message: string): CannedResponse {
  return {
    status,
    headers: { "content-type": "text/xml" },
    body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>4d5a7b4e-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
  };
}

describe("success", () => {
  it("static keys: account, ARN, method and region; no secret printed", async () => {
    const r = await test(
      conn({
        login: "AKIATESTCMD000001",
        password: SECRET,
        extra: { region_name: "eu-west-1", service_config: { sts: { endpoint_url: moto } } },
      }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^account\s+123456789012$/m);
    expect(r.stdout).toMatch(/^arn\s+arn:aws:(iam|sts)::123456789012:\S+$/m);
    expect(r.stdout).toMatch(/^method\s+static$/m);
    expect(r.stdout).toMatch(/^region\s+eu-west-1$/m);
    expectNoSecret(r);
  });

  it("an assumed role, --json: the ARN shows Airflow's session name", async () => {
    const r = await test(
      conn({
        login: "testing",
        password: "testing",
        extra: {
          role_arn: "arn:aws:iam::123456789012:role/test-role",
          region_name: "us-east-1",
          service_config: { sts: { endpoint_url: moto } },
        },
      }),
      ["--json"],
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      conn_id: "aws_default",
      account: "123456789012",
      arn: "arn:aws:sts::123456789012:assumed-role/test-role/airflow_aws_default",
      user_id: expect.stringMatching(/:airflow_aws_default$/),
      method: "assume-role",
      region: "us-east-1",
    });
  });
});

describe("the STS endpoint is service_config.sts.endpoint_url only (as Airflow)", () => {
  it("service_config.sts wins; the connection-wide endpoint_url is never called", async () => {
    const global = await startLoopbackProxy({ target: moto });
    const sts = await startLoopbackProxy({ target: moto });
    try {
      const r = await test(
        conn({
          login: "AKIATESTCMD000002",
          password: "x",
          extra: { endpoint_url: global.endpoint, service_config: { sts: { endpoint_url: sts.endpoint } } },
        }),
      );
      expect(r.code).toBe(0);
      expect(sts.count("GetCallerIdentity")).toBe(1);
      expect(global.count()).toBe(0);
    } finally {
      await Promise.all([global.close(), sts.close()]);
    }
  });

  it("without service_config.sts, endpoint_url is not used for STS either", async () => {
    const global = await startLoopbackProxy({ target: moto });
    try {
      const r = await test(
        conn({ login: "AKIATESTCMD000003", password: "x", extra: { endpoint_url: global.endpoint } }),
        [],
        // AWS's own STS is out of reach or refuses these keys: either way a failure, quickly.
        { AWS_MAX_ATTEMPTS: "1", AWS_REGION: "us-east-1" },
      );
      expect(global.count()).toBe(0);
      expect(r.code).toBe(4);
    } finally {
      await global.close();
    }
  });
});

describe("failures: exit 4 with the AWS error name and message, never a secret", () => {
  it("STS refuses the keys", async () => {
    const sts = await startLoopbackProxy({
      respond: () =>
        stsError(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
    });
    try {
      const r = await test(
        conn({
          login: "AKIATESTCMD000004",
          password: SECRET,
          extra: { aws_session_token: SECRET, service_config: { sts: { endpoint_url: sts.endpoint } } },
        }),
      );
      expect(r.code).toBe(4);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("InvalidClientTokenId");
      expect(r.stderr).toContain("The security token included in the request is invalid.");
      expectNoSecret(r);
    } finally {
      await sts.close();
    }
  });

  it("AssumeRole is denied", async () => {
    const sts = await startLoopbackProxy({
      respond: () => stsError(403, "AccessDenied", "User is not authorized to perform: sts:AssumeRole"),
    });
    try {
      const r = await test(
        conn({
          login: "AKIATESTCMD000005",
          password: SECRET,
          extra: {
            role_arn: "arn:aws:iam::123456789012:role/denied",
            region_name: "us-east-1",
            service_config: { sts: { endpoint_url: sts.endpoint } },
          },
        }),
      );
      expect(r.code).toBe(4);
      expect(r.stderr).toContain("AccessDenied");
      expect(sts.count("AssumeRole")).toBeGreaterThanOrEqual(1);
      expect(sts.count("GetCallerIdentity")).toBe(0);
      expectNoSecret(r);
    } finally {
      await sts.close();
    }
  });

  it("a connection found nowhere: exit 3", async () => {
    const r = await runBin(["test", "nowhere"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not found/);
  });
});
