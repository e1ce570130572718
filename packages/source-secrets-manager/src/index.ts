export {
  fromSecretsManager,
  SECRETS_MANAGER_SOURCE_NAME,
  DEFAULT_SECRETS_MANAGER_PREFIX,
} from "./fromSecretsManager.js";
export {
  SECRETS_MANAGER_NOT_FOUND,
  BATCH_GET_LIMIT,
  GET_SECRET_CONCURRENCY,
} from "./secretReader.js";
export { BatchHits } from "@awsconn/aws-source-common";
export { BATCH_REPROBE_SECONDS } from "./batchFallback.js";
export type { SecretsManagerInit } from "./SecretsManagerInit.js";
export { createSecretsManagerClient } from "./createSecretsManagerClient.js";
export { standardizeSecretKeys, CONN_FIELD_WORDS, EXTRA_CONN_WORD_FIELDS } from "./standardizeSecretKeys.js";
export { parseSecretString } from "./parseSecretString.js";
export { secretIdFor } from "./secretIdFor.js";
export {
  fromSecretsManagerVariables,
  type SecretsManagerVariablesInit,
  DEFAULT_SECRETS_MANAGER_VARIABLES_PREFIX,
} from "./fromSecretsManagerVariables.js";
