// Rotation: a client built from resolver.getAwsClientConfig makes an STS call every 100 ms while the
// connection's keys are rotated in Secrets Manager (PutSecretValue with new keys) and, at the same
// moment, the old key is revoked (testkit's revoking proxy answers InvalidClientTokenId for it, as
// IAM does for a deleted key). Real time. Measured: failed calls, and seconds from the revocation
// until the first call signed with the new key is accepted; GetSecretValue calls the resolver made.
import { CreateSecretCommand, PutSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startQuotaProxy, startRevokingProxy } from "@awsconn/testkit/faults";
import { REGION, SM_PREFIX, smClient } from "../../lib/fixtures.mjs";

const ID = "rotating_aws";
const OLD = { id: "AKIAFLEETOLD00000001", secret: "old-secret-key-value-000000000000000001" };
const NEW = { id: "AKIAFLEETNEW00000002", secret: "new-secret-key-value-000000000000000002" };
const EVERY_MS = 100;

/** @param {{ awsconn: any, motoEndpoint: string, beforeSeconds: number, afterSeconds: number }} o */
export async function rotation(o) {
  const revoking = await startRevokingProxy({ target: o.motoEndpoint });
  const quota = await startQuotaProxy({ target: o.motoEndpoint });
  const sm = smClient(o.motoEndpoint);
  const value = (keys) =>
    JSON.stringify({
      conn_type: "aws",
      login: keys.id,
      password: keys.secret,
      extra: { region_name: REGION, endpoint_url: revoking.endpoint },
    });
  try {
    await sm.send(new CreateSecretCommand({ Name: SM_PREFIX + ID, SecretString: value(OLD) }));
    const resolver = o.awsconn.createResolver({
      sources: [{ type: "secretsmanager", endpoint: quota.endpoint, region: REGION }],
      cache: { ttlSeconds: 300 },
    });
    const sts = new STSClient(await resolver.getAwsClientConfig(ID, "sts"));
    const calls = [];
    let rotatedAt;
    let newKeyAt;
    const t0 = performance.now();
    const end = () => (performance.now() - t0) / 1000;
    for (let i = 0; ; i++) {
      const due = t0 + i * EVERY_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (rotatedAt === undefined && end() >= o.beforeSeconds) {
        await sm.send(new PutSecretValueCommand({ SecretId: SM_PREFIX + ID, SecretString: value(NEW) }));
        revoking.revoke(OLD.id);
        rotatedAt = end();
      }
      const before = revoking.requests.length;
      const ok = await sts.send(new GetCallerIdentityCommand({})).then(
        () => true,
        () => false,
      );
      const signed = revoking.signedWith().slice(before);
      calls.push({
        at: end(),
        ok,
        keys: signed.map((k) => (k === NEW.id ? "new" : k === OLD.id ? "old" : k)),
      });
      if (ok && newKeyAt === undefined && signed.at(-1) === NEW.id) newKeyAt = end();
      if (rotatedAt !== undefined && end() - rotatedAt >= o.afterSeconds) break;
      if (newKeyAt !== undefined && end() - newKeyAt >= 1) break;
    }
    sts.destroy();
    const after = calls.filter((c) => c.at >= (rotatedAt ?? 0));
    return {
      callsMade: calls.length,
      failedCalls: calls.filter((c) => !c.ok).length,
      failedBeforeRotation: calls.filter((c) => !c.ok && c.at < (rotatedAt ?? Infinity)).length,
      secondsUntilNewKey: newKeyAt === undefined ? null : Number((newKeyAt - rotatedAt).toFixed(2)),
      watchedSecondsAfterRotation: o.afterSeconds,
      requestsSignedWithOldKeyAfterRotation: after.reduce(
        (s, c) => s + c.keys.filter((k) => k === "old").length,
        0,
      ),
      getSecretValueCalls: quota.counts().GetSecretValue?.forwarded ?? 0,
    };
  } finally {
    sm.destroy();
    await revoking.close();
    await quota.close();
  }
}
