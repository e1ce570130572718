export { fromEnv, type EnvInit, ENV_SOURCE_NAME, DEFAULT_ENV_PREFIX } from "./fromEnv.js";
export {
  fromEnvVariables,
  type EnvVariablesInit,
  DEFAULT_VARIABLES_ENV_PREFIX,
} from "./fromEnvVariables.js";
export { ENV_TEAM_SEPARATOR, type EnvTeamNames, envTeamNames } from "./envTeamNames.js";
