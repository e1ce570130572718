// The returned config is spread into real SDK v3 clients: this file must typecheck (tsc runs over
// test/) and the clients must take the region, endpoint, retry settings and credentials as given.
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SSMClient } from "@aws-sdk/client-ssm";
import { STSClient } from "@aws-sdk/client-sts";
import { createConnection } from "@awsconn/core";
import { expect, it } from "vitest";
import { resolveAwsConfig } from "../src/resolveAwsConfig.js";

it("spreads into STSClient, SecretsManagerClient and SSMClient", async () => {
  const config = await resolveAwsConfig(
    createConnection({
      connId: "spread",
      connType: "aws",
      login: "AKIASPREAD0000000001",
      password: "secret",
      extra: {
        region_name: "eu-central-1",
        endpoint_url: "http://127.0.0.1:4566",
        service_config: { ssm: { endpoint_url: null } },
        config_kwargs: { retries: { total_max_attempts: 5, mode: "adaptive" } },
      },
    }),
    { service: "secretsmanager" },
  );
  const sm = new SecretsManagerClient(config);
  const sts = new STSClient({ ...config });
  const ssm = new SSMClient({ ...config, endpoint: undefined });
  try {
    expect(await sm.config.region()).toBe("eu-central-1");
    const endpoint = await sm.config.endpoint?.();
    expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe("http://127.0.0.1:4566");
    expect(await sm.config.maxAttempts()).toBe(5);
    const mode = sm.config.retryMode;
    expect(typeof mode === "function" ? await mode() : mode).toBe("adaptive");
    expect((await sts.config.credentials()).accessKeyId).toBe("AKIASPREAD0000000001");
    expect(await ssm.config.region()).toBe("eu-central-1");
  } finally {
    sm.destroy();
    sts.destroy();
    ssm.destroy();
  }
});
