import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { motoEndpoint } from "./motoEndpoint.js";
import {
  type RevokingProxy,
  revokedKeyReply,
  sigV4AccessKeyId,
  startRevokingProxy,
} from "./revokingProxy.js";

const OLD = { accessKeyId: "AKIAREVOKEOLD", secretAccessKey: "old-secret" };
const NEW = { accessKeyId: "AKIAREVOKENEW", secretAccessKey: "new-secret" };

describe("startRevokingProxy (real SDK clients, moto behind)", () => {
  let proxy: RevokingProxy;
  let expired: RevokingProxy;
  const sts = (proxyEndpoint: string, credentials = OLD) =>
    new STSClient({ endpoint: proxyEndpoint, region: "us-east-1", credentials, maxAttempts: 1 });

  beforeAll(async () => {
    proxy = await startRevokingProxy({ target: motoEndpoint() });
    expired = await startRevokingProxy({ target: motoEndpoint(), answer: "expired" });
  });
  afterAll(async () => {
    await proxy?.close();
    await expired?.close();
  });
  beforeEach(() => {
    proxy.reset();
    proxy.restore(OLD.accessKeyId);
  });

  it("passes keys that are not revoked to moto, and refuses a revoked one as STS does (InvalidClientTokenId)", async () => {
    // Prepare
    const client = sts(proxy.endpoint);
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: expect.any(String),
    });
    // Act
    proxy.revoke(OLD.accessKeyId);
    const refused = await client.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    const other = await sts(proxy.endpoint, NEW).send(new GetCallerIdentityCommand({}));
    // Assess
    expect(refused).toMatchObject({ name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 } });
    expect(other.Account).toEqual(expect.any(String));
    expect(proxy.signedWith()).toEqual([OLD.accessKeyId, OLD.accessKeyId, NEW.accessKeyId]);
    expect([proxy.refused(), proxy.refused(OLD.accessKeyId), proxy.refused(NEW.accessKeyId)]).toEqual([
      1, 1, 0,
    ]);
  });

  it("answers a JSON service with UnrecognizedClientException, and restore lets the key through again", async () => {
    const ssm = new SSMClient({
      endpoint: proxy.endpoint,
      region: "us-east-1",
      credentials: OLD,
      maxAttempts: 1,
    });
    proxy.revoke(OLD.accessKeyId);
    const refused = await ssm.send(new GetParameterCommand({ Name: "/nowhere" })).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      name: "UnrecognizedClientException",
      $metadata: { httpStatusCode: 400 },
    });
    proxy.restore(OLD.accessKeyId);
    const passed = await ssm.send(new GetParameterCommand({ Name: "/nowhere" })).catch((e: unknown) => e);
    expect(passed).toMatchObject({ name: "ParameterNotFound" }); // moto's answer
  });

  it("answer 'expired': ExpiredToken, as STS sends it for a session past its end", async () => {
    expired.revoke(OLD.accessKeyId);
    const refused = await sts(expired.endpoint)
      .send(new GetCallerIdentityCommand({}))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "ExpiredToken", $metadata: { httpStatusCode: 400 } });
  });
});

describe("revokedKeyReply and sigV4AccessKeyId", () => {
  it("shapes the refusal per protocol: JSON, query, S3's REST-XML", () => {
    const json = revokedKeyReply({
      headers: { "x-amz-target": "secretsmanager.GetSecretValue" },
      body: "{}",
    });
    expect([json.status, JSON.parse(json.body ?? "").__type]).toEqual([400, "UnrecognizedClientException"]);
    const query = revokedKeyReply({ headers: {}, body: "Action=GetCallerIdentity&Version=2011-06-15" });
    expect([query.status, /<Code>(\w+)<\/Code>/.exec(query.body ?? "")?.[1]]).toEqual([
      403,
      "InvalidClientTokenId",
    ]);
    const s3 = revokedKeyReply({ headers: {}, body: "" });
    expect([s3.status, /<Code>(\w+)<\/Code>/.exec(s3.body ?? "")?.[1]]).toEqual([403, "InvalidAccessKeyId"]);
    const s3Expired = revokedKeyReply({ headers: {}, body: "" }, "expired");
    expect([s3Expired.status, /<Code>(\w+)<\/Code>/.exec(s3Expired.body ?? "")?.[1]]).toEqual([
      400,
      "ExpiredToken",
    ]);
  });

  it("reads the key id from a SigV4 Authorization header, and nothing from anything else", () => {
    const authorization =
      "AWS4-HMAC-SHA256 Credential=AKIAX1/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=ab";
    expect(sigV4AccessKeyId({ authorization })).toBe("AKIAX1");
    expect(sigV4AccessKeyId({ authorization: "Bearer token" })).toBeUndefined();
    expect(sigV4AccessKeyId({})).toBeUndefined();
  });
});
