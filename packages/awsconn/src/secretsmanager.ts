// awsconn/secretsmanager: the AWS Secrets Manager sources, for composeResolver (awsconn/compose).
// Needs @aws-sdk/client-secrets-manager installed (an optional peer dependency of awsconn).
export {
  fromSecretsManager,
  type SecretsManagerInit,
  fromSecretsManagerVariables,
  type SecretsManagerVariablesInit,
  DEFAULT_SECRETS_MANAGER_PREFIX,
  DEFAULT_SECRETS_MANAGER_VARIABLES_PREFIX,
} from "@awsconn/source-secrets-manager";
