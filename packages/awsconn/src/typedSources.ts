import { createSource } from "./createSource.js";
import type { SourceFactories } from "./SourceFactories.js";
import { variableSourceFor } from "./variableSourceFor.js";

/** Every `{ type }` entry awsconn knows: env, file, secretsmanager, ssm and plugin (`createResolver`). */
export const TYPED_SOURCES: SourceFactories = { connections: createSource, variables: variableSourceFor };
