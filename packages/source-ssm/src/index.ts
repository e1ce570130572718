export {
  fromSsm,
  SSM_SOURCE_NAME,
  DEFAULT_SSM_PREFIX,
  GET_PARAMETERS_LIMIT,
  STANDARD_TIER_MAX_BYTES,
} from "./fromSsm.js";
export type { SsmInit } from "./SsmInit.js";
export { createSsmClient } from "./createSsmClient.js";
export { parameterNameFor } from "./parameterNameFor.js";
export { fromSsmVariables, type SsmVariablesInit, DEFAULT_SSM_VARIABLES_PREFIX } from "./fromSsmVariables.js";
