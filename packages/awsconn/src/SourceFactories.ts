import type { OnSourceWarning } from "@awsconn/aws-source-common";
import type { ConnectionSource, TeamInit, VariableSource } from "@awsconn/core";
import type { CreateSourceOptions } from "./createSource.js";
import type { SourceConfig } from "./types.js";

/**
 * How a resolver turns a `{ type: ... }` entry of `sources` into its sources. `createResolver`
 * knows every type (`createSource`, `variableSourceFor`); `composeResolver` (awsconn/compose) knows
 * none, so that a bundle of it holds only the sources its caller imports.
 */
export interface SourceFactories {
  /** The connection source of one entry (`sources[i]` is `options.path`). */
  connections(config: SourceConfig, options: CreateSourceOptions): ConnectionSource;
  /** The Variables source of one entry, or `undefined` when that entry serves no Variables. */
  variables(
    entry: SourceConfig,
    baseDir: string,
    team: TeamInit | undefined,
    onWarning: OnSourceWarning,
  ): VariableSource | undefined;
}
