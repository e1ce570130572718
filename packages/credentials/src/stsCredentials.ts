import { SourceError } from "@awsconn/core";
import type { AwsCredentialIdentity } from "@smithy/types";
import type { StsCredentialsOutput } from "./StsCaller.js";

/**
 * Turns an STS response into SDK credentials (`expiration` included); a response without complete
 * credentials is a `SourceError` (source `sts`).
 *
 * @example
 * ```ts
 * stsCredentials(await sts.assumeRole(input), "AssumeRole for arn:aws:iam::1:role/r").expiration;
 * ```
 */
export function stsCredentials(output: StsCredentialsOutput, what: string): AwsCredentialIdentity {
  const c = output.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) {
    throw new SourceError(`${what} returned no credentials`, { source: "sts" });
  }
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
    ...(c.Expiration ? { expiration: new Date(c.Expiration) } : {}),
  };
}
