// @awsconn/credentials/resolve: what a resolver's getAwsClientConfig needs, the client settings of
// an aws connection and the retry that re-resolves it on an auth error. Without the rest of the
// package (the STS caller-identity check and its @aws-sdk/client-sts), so that an app bundle of a
// resolver holds only this.
export { resolveAwsConfig, type ResolveAwsConfigOptions } from "./resolveAwsConfig.js";
export type { AwsClientConfig, CredentialMethod } from "./AwsClientConfig.js";
export {
  authErrorRetryExtension,
  type AuthErrorRetryExtension,
  type RenewableCredentials,
} from "./authErrorRetry.js";
