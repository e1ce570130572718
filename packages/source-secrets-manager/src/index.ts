export {
  fromSecretsManager,
  SECRETS_MANAGER_SOURCE_NAME,
  DEFAULT_SECRETS_MANAGER_PREFIX,
  SECRETS_MANAGER_NOT_FOUND,
  BATCH_GET_LIMIT,
} from "./fromSecretsManager.js";
export type { SecretsManagerInit } from "./SecretsManagerInit.js";
export { createSecretsManagerClient } from "./createSecretsManagerClient.js";
export { standardizeSecretKeys, CONN_FIELD_WORDS, EXTRA_CONN_WORD_FIELDS } from "./standardizeSecretKeys.js";
export { parseSecretString } from "./parseSecretString.js";
export { secretIdFor } from "./secretIdFor.js";
