import type { VariableSource } from "@awsconn/core";
import type { OnError } from "./types.js";

/**
 * One entry of `composeResolver`'s `variables`: a Variables source, or one with per-source options
 * (`onError`, and `live` for a source never cached; default: true for the names `env` and `file`).
 *
 * @example
 * ```ts
 * variables: [fromEnvVariables(), { source: fromSecretsManagerVariables(), onError: "skip" }]
 * ```
 */
export type VariableEntry = VariableSource | { source: VariableSource; onError?: OnError; live?: boolean };
