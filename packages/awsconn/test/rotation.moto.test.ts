// End to end (issue 18 item 5): aws_default in Secrets Manager (moto) rotates from keys A to B while a
// long-running STS client made from getAwsClientConfig keeps calling; IAM's revocation of the old key
// is played by the revoking proxy in front of moto (moto itself accepts any key).
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import {
  type LoopbackProxy,
  type RevokingProxy,
  startLoopbackProxy,
  startRevokingProxy,
} from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createResolver } from "../src/index.js";
import { fakeClock } from "./helpers.js";

let counting: LoopbackProxy; // in front of moto for the resolver's Secrets Manager calls
let revoking: RevokingProxy; // in front of moto for the client's STS calls
let sm: SecretsManagerClient;

let setups = 0;
const connection = (key: string) =>
  JSON.stringify({
    conn_type: "aws",
    login: key,
    password: `secret-of-${key}`,
    extra: { region_name: "us-east-1", endpoint_url: revoking.endpoint },
  });

beforeAll(async () => {
  counting = await startLoopbackProxy({ target: motoEndpoint() });
  revoking = await startRevokingProxy({ target: motoEndpoint() });
  sm = new SecretsManagerClient(awsTestClientConfig());
}, 60_000);

afterAll(async () => {
  await counting?.close();
  await revoking?.close();
});

beforeEach(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_PROFILE", undefined);
});

/** A fresh secret aws_default (keys A), a resolver over it, and an STS client made from its config. */
async function rotationSetup() {
  const prefix = uniquePrefix("rotation");
  /** This setup's key ids: the revoking proxy outlives the tests. */
  const tag = String(++setups);
  const key = (n: string) => `AKIAROTATE${tag}${n}`;
  await sm.send(
    new CreateSecretCommand({ Name: `${prefix}/aws_default`, SecretString: connection(key("A")) }),
  );
  const clock = fakeClock();
  const resolver = createResolver({
    sources: [{ type: "secretsmanager", prefix, region: "us-east-1", endpoint: counting.endpoint }],
    cache: { ttlSeconds: 300, staleWhileRevalidate: false },
    clock,
  });
  const sts = new STSClient(await resolver.getAwsClientConfig("aws_default", "sts"));
  const rotate = (n: string) =>
    sm.send(
      new PutSecretValueCommand({ SecretId: `${prefix}/aws_default`, SecretString: connection(key(n)) }),
    );
  const whoami = async () => (await sts.send(new GetCallerIdentityCommand({}))).Arn;
  counting.reset();
  revoking.reset();
  return { resolver, clock, rotate, whoami, key };
}

describe("rotation against moto", () => {
  it("keys rotated to B and A revoked: the next call fails once with A, re-resolves once, and succeeds with B", async () => {
    // Prepare
    const { rotate, whoami, key } = await rotationSetup();
    await whoami();
    await rotate("B");
    revoking.revoke(key("A"));
    // Act: a call every step, as a long-running client makes them
    const arns = [await whoami(), await whoami(), await whoami()];
    // Assess
    expect(arns.every((arn) => typeof arn === "string")).toBe(true);
    const [A, B] = [key("A"), key("B")];
    expect(revoking.signedWith()).toEqual([A, A, B, B, B]);
    expect(revoking.refused()).toBe(1); // the one failed attempt, retried by the SDK inside the same call
    expect(counting.count("GetSecretValue")).toBe(1); // exactly one re-resolve (the first lookup came before)
  });

  it("rotated before the old key is revoked: once the lease (the cache lifetime) ends, calls use B with no failed attempt", async () => {
    const { resolver, clock, rotate, whoami, key } = await rotationSetup();
    await whoami();
    await rotate("B");
    await whoami(); // still A: cached, and A still valid
    const cached = resolver.sources[0] as unknown as { freshForMs(id: string): number };
    clock.t += cached.freshForMs("aws_default") + 1;
    await whoami();
    revoking.revoke(key("A"));
    await whoami();
    const [A, B] = [key("A"), key("B")];
    expect(revoking.signedWith()).toEqual([A, A, B, B]);
    expect(revoking.refused()).toBe(0);
    expect(counting.count("GetSecretValue")).toBe(1); // the lookup when the lease ended
  });

  it("revoked before the secret is rotated: the error reaches the caller after one attempt, and no second re-resolve follows within 5 s", async () => {
    const { whoami, key } = await rotationSetup();
    await whoami();
    revoking.revoke(key("A"));
    await expect(whoami()).rejects.toMatchObject({ name: "InvalidClientTokenId" });
    await expect(whoami()).rejects.toMatchObject({ name: "InvalidClientTokenId" });
    expect(revoking.refused(key("A"))).toBe(2); // one attempt per call: no retry with the same keys
    expect(counting.count("GetSecretValue")).toBe(1);
  });
});
