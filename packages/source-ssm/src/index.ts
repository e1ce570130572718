export {
  fromSsm,
  SSM_SOURCE_NAME,
  DEFAULT_SSM_PREFIX,
  GET_PARAMETERS_LIMIT,
  STANDARD_TIER_MAX_BYTES,
} from "./fromSsm.js";
export type { SsmInit } from "./SsmInit.js";
export {
  createSsmClient,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
} from "./createSsmClient.js";
export { trimSsmPrefix, parameterNameFor, compileLookupPattern } from "./parameterNameFor.js";
export { toSourceError, isRetryableAwsError, awsErrorNameOf } from "./toSourceError.js";
