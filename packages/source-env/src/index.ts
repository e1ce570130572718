export { fromEnv, type EnvInit, ENV_SOURCE_NAME, DEFAULT_ENV_PREFIX } from "./fromEnv.js";
