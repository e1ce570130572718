export {
  fromSsm,
  SSM_SOURCE_NAME,
  DEFAULT_SSM_PREFIX,
  GET_PARAMETERS_LIMIT,
  STANDARD_TIER_MAX_BYTES,
} from "./fromSsm.js";
export type { SsmInit } from "./SsmInit.js";
export { createSsmClient } from "./createSsmClient.js";
export { trimSsmPrefix, parameterNameFor } from "./parameterNameFor.js";
// Shared with the Secrets Manager source; re-exported so this package's API is unchanged.
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
  compileLookupPattern,
  toSourceError,
  isRetryableAwsError,
  awsErrorNameOf,
} from "@awsconn/aws-source-common";
