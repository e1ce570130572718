import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { startLoopbackProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, stubAwsTestEnv, uniquePrefix } from "@awsconn/testkit/moto";
import { expect, it, vi } from "vitest";
import { fromSecretsManager } from "../src/index.js";

stubAwsTestEnv({ AWS_ACCESS_KEY_ID: "AKIASOURCEKEY0000001" });

it("roleArn: assumes the role through STS and signs Secrets Manager calls with the role's keys", async () => {
  const prefix = uniquePrefix("sm-role");
  await new SecretsManagerClient(awsTestClientConfig()).send(
    new CreateSecretCommand({ Name: `${prefix}/x`, SecretString: "aws://role-host" }),
  );
  const proxy = await startLoopbackProxy({ target: motoEndpoint() });
  try {
    // STS goes to the proxy too (the SDK's service-specific endpoint setting), so both are seen.
    vi.stubEnv("AWS_ENDPOINT_URL_STS", proxy.endpoint);
    const source = fromSecretsManager({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      prefix,
      roleArn: "arn:aws:iam::123456789012:role/awsconn-reader",
    });
    expect((await source.get("x"))?.connection.host).toBe("role-host");
    expect(proxy.requests.map((r) => r.operation)).toEqual(["AssumeRole", "GetSecretValue"]);
    const assume = proxy.requests[0];
    expect(assume?.body).toContain("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fawsconn-reader");
    expect(String(assume?.headers.authorization)).toContain("Credential=AKIASOURCEKEY0000001/");
    const signedWith = /Credential=([A-Z0-9]+)\//.exec(String(proxy.requests[1]?.headers.authorization))?.[1];
    expect(signedWith).toMatch(/^ASIA/); // moto's temporary keys, not the source keys
  } finally {
    await proxy.close();
  }
});
