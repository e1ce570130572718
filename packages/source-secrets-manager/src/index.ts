export {
  fromSecretsManager,
  SECRETS_MANAGER_SOURCE_NAME,
  DEFAULT_SECRETS_MANAGER_PREFIX,
  SECRETS_MANAGER_NOT_FOUND,
  BATCH_GET_LIMIT,
} from "./fromSecretsManager.js";
export type { SecretsManagerInit } from "./SecretsManagerInit.js";
export {
  createSecretsManagerClient,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
} from "./createSecretsManagerClient.js";
export { standardizeSecretKeys, CONN_FIELD_WORDS, EXTRA_CONN_WORD_FIELDS } from "./standardizeSecretKeys.js";
export { parseSecretString } from "./parseSecretString.js";
export { trimPrefix, secretIdFor, compileLookupPattern } from "./secretIdFor.js";
export { toSourceError, isRetryableAwsError, awsErrorNameOf } from "./toSourceError.js";
