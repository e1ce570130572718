import { ConfigError, type ConnectionSource } from "@awsconn/core";
import type { DiscoveredConfig } from "./discoverConfig.js";
import { parseConfig } from "./parseConfig.js";
import type { Resolver } from "./Resolver.js";
import { resolverFrom } from "./resolverFrom.js";
import type { SourceFactories } from "./SourceFactories.js";
import { isVariableSource } from "./sourceEntryKinds.js";
import { teamOfProcess } from "./teamOfProcess.js";
import type { ResolverConfig, SourceConfig, SourceWithOptions } from "./types.js";
import type { VariableEntry } from "./VariableEntry.js";

/**
 * The configuration of {@link composeResolver}: `createResolver`'s, with ready sources only (no
 * `{ type }` entries, no `configFile`).
 *
 * @example
 * ```ts
 * { sources: [fromEnv(), fromSecretsManager({ region: "eu-west-1" })], cache: { ttlSeconds: 60 } }
 * ```
 */
export type ComposeConfig = Omit<ResolverConfig, "configFile" | "sources"> & {
  /** The sources, highest priority first: a `ConnectionSource`, or `{ source, onError?, live? }`. */
  sources: readonly (ConnectionSource | SourceWithOptions)[];
  /**
   * The sources of Variables, highest priority first (`fromEnvVariables()`,
   * `fromSecretsManagerVariables()`...). Default: the `sources` that also have `getVariable`.
   */
  variables?: readonly VariableEntry[];
};

/** Where each `{ type }` entry's ready source comes from, for the error that refuses one. */
const READY_SOURCE: Record<SourceConfig["type"], string> = {
  env: 'fromEnv() from "awsconn/env"',
  file: 'fromFile({ path }) from "awsconn/file"',
  secretsmanager: 'fromSecretsManager() from "awsconn/secretsmanager"',
  ssm: 'fromSsm() from "awsconn/ssm"',
  plugin: "the source the plugin's factory returns",
};

const refuse = (config: SourceConfig, path: string): never => {
  throw new ConfigError(
    `a { type: "${config.type}" } entry needs createResolver from "awsconn"; composeResolver takes ready sources: pass ${READY_SOURCE[config.type]}`,
    { path },
  );
};

/** No `{ type }` entry is known: only the sources the caller imports end up in a bundle. */
const READY_ONLY: SourceFactories = {
  connections: (config, options) => refuse(config, options.path ?? "sources"),
  variables: () => undefined,
};

/**
 * A resolver over ready sources, with `createResolver`'s rules (priority, `mode`, the cache around
 * each remote source, shared calls, events, Variables, `getAwsClientConfig`), for code that is
 * bundled (a Lambda function): it reads no configuration file and knows no `{ type }` entry, so
 * a bundle of it holds only the sources it is given (`awsconn/env`, `awsconn/file`,
 * `awsconn/secretsmanager`, `awsconn/ssm`, or your own `ConnectionSource`), not the others, the
 * YAML parser or the configuration file reader. The configuration is checked as `createResolver`
 * checks it (a `ConfigError` naming the key); the team is `team`, else `AWSCONN_TEAM`.
 *
 * @example
 * ```ts
 * import { composeResolver } from "awsconn/compose";
 * import { fromSecretsManager } from "awsconn/secretsmanager";
 *
 * const resolver = composeResolver({ sources: [fromSecretsManager()] });
 * const s3 = new S3Client(await resolver.getAwsClientConfig("aws_default", "s3"));
 * ```
 */
export function composeResolver(config: ComposeConfig): Resolver {
  if (typeof config !== "object" || config === null || !Array.isArray(config.sources))
    throw new ConfigError("composeResolver takes { sources: [...] }, the sources highest priority first", {
      path: "sources",
    });
  const { variables, ...rest } = config;
  const parsed = parseConfig(rest);
  const discovered: DiscoveredConfig = {
    config: teamOfProcess(parsed, process.env),
    origin: "code",
    baseDir: process.cwd(),
    reason: "code",
    warnings: [],
  };
  return resolverFrom(discovered, READY_ONLY, variables === undefined ? parsed.sources : checked(variables));
}

/** `variables`, each entry checked: a source with `getVariable`, or `{ source, onError?, live? }`. */
function checked(variables: unknown): readonly VariableEntry[] {
  if (!Array.isArray(variables))
    throw new ConfigError("expected a list of Variables sources", { path: "variables" });
  variables.forEach((entry, i) => {
    const withOptions = typeof entry === "object" && entry !== null && "source" in entry;
    const source = withOptions ? (entry as { source: unknown }).source : entry;
    const path = `variables[${i}]${withOptions ? ".source" : ""}`;
    if (!isVariableSource(source))
      throw new ConfigError("expected a Variables source (a name and a getVariable function)", { path });
    const { onError, live } = (withOptions ? entry : {}) as { onError?: unknown; live?: unknown };
    if (onError !== undefined && onError !== "fail" && onError !== "skip")
      throw new ConfigError('expected "fail" or "skip"', { path: `variables[${i}].onError` });
    if (live !== undefined && typeof live !== "boolean")
      throw new ConfigError("expected true or false", { path: `variables[${i}].live` });
  });
  return variables;
}
