// awsconn/env: the environment variable sources, for composeResolver (awsconn/compose).
export {
  fromEnv,
  type EnvInit,
  fromEnvVariables,
  type EnvVariablesInit,
  DEFAULT_ENV_PREFIX,
  DEFAULT_VARIABLES_ENV_PREFIX,
} from "@awsconn/source-env";
