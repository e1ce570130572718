export type { AwsClientInit } from "./AwsClientInit.js";
export { createAwsClientConfig, type AwsClientConfig } from "./createAwsClientConfig.js";
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
  SOURCE_RETRY_MODE,
  SOURCE_MIN_SEND_RATE,
  type RetryMode,
} from "./clientDefaults.js";
export type { SdkClientSettings } from "./SdkClientSettings.js";
export { createBoundedHttpHandler, type BoundedHttpHandlerInit } from "./createBoundedHttpHandler.js";
export { withDeadline } from "./withDeadline.js";
export { sendWithin, type SdkSender, type SdkCommand } from "./sendWithin.js";
export { callDeadlineMs, DEADLINE_SLACK_MS } from "./callDeadlineMs.js";
export { lazyClient } from "./lazyClient.js";
export { loadCredentialProviders, loadRetry } from "./sdkModules.js";
export { failureFor } from "./failureFor.js";
export {
  toSourceError,
  isRetryableAwsError,
  awsErrorNameOf,
  classifyAwsError,
  type AwsFailure,
  type AwsErrorClass,
} from "./toSourceError.js";
export { compileLookupPattern } from "./airflowNaming/compileLookupPattern.js";
export {
  translatePythonRegex,
  type PythonRegexOptions,
  type TranslatedRegex,
} from "./pythonRegex/translatePythonRegex.js";
export { pythonReMatch } from "./pythonRegex/pythonReMatch.js";
export { connIdUnder } from "./airflowNaming/connIdUnder.js";
export { listConnIds } from "./listConnIds.js";
export { listKeysUnder, type NamesToKeys } from "./listKeysUnder.js";
export { awsPages, type PageCall } from "./awsPages.js";
export { paginatorClient } from "./paginatorClient.js";
export { idManifest, type IdManifest, type IdManifestInit, type KnownIdsInit } from "./idManifest.js";
export {
  lookupAdmission,
  type LookupAdmission,
  type LookupAdmissionInit,
  type LookupAdmissionSourceInit,
} from "./lookupAdmission.js";
export type { SourceWarning, OnSourceWarning } from "./SourceWarning.js";
export { refuseWriteWhenSwitchedOff } from "./airflowNaming/refuseWriteWhenSwitchedOff.js";
export { trimPrefix } from "./airflowNaming/trimPrefix.js";
export { buildPath } from "./airflowNaming/buildPath.js";
export { TEAM_SEPARATOR } from "./airflowNaming/TEAM_SEPARATOR.js";
export { type AwsTeamNames, awsTeamNames } from "./airflowNaming/awsTeamNames.js";
export { BatchHits } from "./BatchHits.js";
export {
  awsConnectionSource,
  type AwsConnectionSourceInit,
  type AwsLookupPlan,
} from "./awsConnectionSource.js";
export { awsVariableSource, type AwsVariableSourceInit } from "./awsVariableSource.js";
export {
  awsSourceKit,
  type AwsSourceKit,
  type AwsSourceKitInit,
  type AwsSourceKitSourceInit,
} from "./awsSourceKit.js";
