import type {
  AssumeRoleCommandInput,
  AssumeRoleWithWebIdentityCommandInput,
  Credentials,
} from "@aws-sdk/client-sts";

/**
 * What an STS call returns that awsconn uses.
 *
 * @example
 * ```ts
 * const out: StsCredentialsOutput = { Credentials: { AccessKeyId: "A", SecretAccessKey: "S", SessionToken: "T", Expiration: new Date() } };
 * ```
 */
export interface StsCredentialsOutput {
  /** The temporary credentials. */
  Credentials?: Credentials;
}

/**
 * A stand-in for STS (tests: count calls, see inputs, fail on purpose). Given to `resolveAwsConfig`
 * as `sts`, it answers the `AssumeRole` and `AssumeRoleWithWebIdentity` calls of the SDK's own
 * providers (`fromTemporaryCredentials`, `fromWebToken`) inside their STS client's middleware
 * stack, in place of the network ({@link answerStsWith}); everything around the call is the SDK's.
 *
 * @example
 * ```ts
 * const sts: StsCaller = {
 *   assumeRole: async () => ({ Credentials: { AccessKeyId: "A", SecretAccessKey: "S", SessionToken: "T", Expiration: new Date() } }),
 *   assumeRoleWithWebIdentity: async () => ({}),
 * };
 * ```
 */
export interface StsCaller {
  /** `sts:AssumeRole`. */
  assumeRole(input: AssumeRoleCommandInput): Promise<StsCredentialsOutput>;
  /** `sts:AssumeRoleWithWebIdentity`. */
  assumeRoleWithWebIdentity(input: AssumeRoleWithWebIdentityCommandInput): Promise<StsCredentialsOutput>;
}
