export { resolveAwsConfig, type ResolveAwsConfigOptions } from "./resolveAwsConfig.js";
export type { AwsClientConfig, CredentialMethod } from "./AwsClientConfig.js";
export { readAwsConnection, type ReadAwsConnectionOptions } from "./readAwsConnection.js";
export {
  type AwsConnectionSettings,
  type AssumeRoleMethod,
  AIRFLOW_ASSUME_ROLE_METHODS,
} from "./AwsConnectionSettings.js";
export { serviceEndpoint, type ServiceEndpointOptions } from "./serviceEndpoint.js";
export { roleSessionName, airflowSlug, ROLE_SESSION_NAME_MAX_LENGTH } from "./roleSessionName.js";
export { httpAndRetryOptions, type HttpAndRetryOptions, type HttpOptions } from "./httpAndRetryOptions.js";
export { createRequestHandler, type RequestHandlerShape } from "./createRequestHandler.js";
export {
  memoizeCredentials,
  type MemoizeCredentialsInit,
  DEFAULT_REFRESH_WINDOW_MS,
} from "./memoizeCredentials.js";
export { fromAssumeRole, type AssumeRoleInit } from "./fromAssumeRole.js";
export { fromWebIdentity, type WebIdentityInit } from "./fromWebIdentity.js";
export { fromProfile } from "./fromProfile.js";
export { fromDefaultChain } from "./fromDefaultChain.js";
export { lazyProvider, type CredentialProvidersModule, type LazyProviderOptions } from "./lazyProvider.js";
export type { StsCaller, StsCredentialsOutput } from "./StsCaller.js";
export { answerStsWith } from "./answerStsWith.js";
export { KNOWN_EXTRA_KEYS } from "@awsconn/core";
export { callerIdentity, type CallerIdentity, type CallerIdentityOptions } from "./callerIdentity.js";
export { stsClientConfig, stsDeadlineMs } from "./stsClientConfig.js";
export { AUTH_ERROR_CODES, isAuthError } from "./isAuthError.js";
export {
  authErrorRetryExtension,
  renewingRetryStrategy,
  type AuthErrorRetryExtension,
  type RenewableCredentials,
  type RetryStrategyExtensionConfiguration,
} from "./authErrorRetry.js";
