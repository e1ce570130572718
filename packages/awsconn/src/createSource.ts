import { resolve } from "node:path";
import type { OnSourceWarning } from "@awsconn/aws-source-common";
import type { ConnectionParser, ConnectionSource, TeamInit } from "@awsconn/core";
import type { AwsClientConfig } from "@awsconn/credentials";
import { fromEnv } from "@awsconn/source-env";
import { fromFile } from "@awsconn/source-file";
import type { Clock } from "./Clock.js";
import { backendClientSettings } from "./backendClientSettings.js";
import { assertAwsPackages } from "./assertAwsPackages.js";
import { lazySource } from "./lazySource.js";
import { pluginSource } from "./pluginSource.js";
import type { SourceConfig } from "./types.js";

/**
 * Options of {@link createSource}.
 *
 * @example
 * ```ts
 * createSource({ type: "file", path: "conns.yaml" }, { baseDir: "/etc/awsconn" });
 * ```
 */
export interface CreateSourceOptions {
  /** Directory that a relative file `path` or plugin `module` is taken from. Default: the working directory. */
  baseDir?: string;
  /** The entry's key path (`sources[2]`), named by a plugin's load errors. Default `plugin`. */
  path?: string;
  /** Receives an AWS source's warnings (batch fallback, manifest unavailable); the resolver emits them as `warning` events. */
  onWarning?: OnSourceWarning;
  /** The clock of an AWS source's manifest and batch fallback (the resolver's). Default `performance`. */
  clock?: Clock;
  /**
   * Airflow's connection parser for `env`, `secretsmanager` and `ssm` values (the config's
   * `connectionParser`). Default: the Task SDK's (`task`). A `file` source reads with the server's,
   * as Airflow's LocalFilesystemBackend does on workers too; a plugin parses as it likes.
   */
  parser?: ConnectionParser;
  /** The team options of every source (the config's `team` and `multiTeam`). Default: none. */
  team?: TeamInit;
}

async function loadAws(
  config: SourceConfig & { type: "secretsmanager" | "ssm" },
  options: CreateSourceOptions,
): Promise<ConnectionSource> {
  const hooks = {
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.parser ? { parser: options.parser } : {}),
    ...options.team,
  };
  const { clientExtra, ...rest } = config;
  if (clientExtra) {
    const clientSettings = await backendClientSettings(config.type, clientExtra);
    Object.assign(hooks, { clientSettings: withoutOwn(clientSettings, rest) });
  }
  if (rest.type === "secretsmanager") {
    const { type: _t, onError: _o, ...init } = rest;
    const { fromSecretsManager } = await import("@awsconn/source-secrets-manager");
    return fromSecretsManager({ ...init, ...hooks });
  }
  const { type: _t, onError: _o, ...init } = rest;
  const { fromSsm } = await import("@awsconn/source-ssm");
  return fromSsm({ ...init, ...hooks });
}

/**
 * The client settings built from an entry's `clientExtra`, less what the entry sets itself: its own
 * `region`, `endpoint`, `profile` and `roleArn` win over its `clientExtra`.
 *
 * @example
 * ```ts
 * withoutOwn(await backendClientSettings("ssm", { region_name: "x" }), { type: "ssm", region: "y" }); // no region
 * ```
 */
export function withoutOwn(
  settings: AwsClientConfig,
  own: SourceConfig & { type: "secretsmanager" | "ssm" },
) {
  const { method: _m, warnings: _w, roleArn: _r, roleSessionName: _s, credentials, ...sdk } = settings;
  if (own.region) delete sdk.region;
  if (own.endpoint) delete sdk.endpoint;
  if (own.profile || own.roleArn) {
    delete sdk.profile;
    return sdk;
  }
  return { ...sdk, credentials };
}

/**
 * Builds one {@link ConnectionSource} from a `sources` config entry, as the resolver does for each
 * entry of its chain. `env` and `file` sources are created at once; `secretsmanager` and `ssm`
 * sources load their package (and so the AWS SDK) on first use only, and so do `plugin` sources
 * (see `loadPlugin`); an AWS source whose SDK client is not installed (the clients are optional
 * peer dependencies) is a `ConfigError` here, at once (see `assertAwsPackages`). `onError` is a
 * chain option and is ignored here.
 *
 * @example
 * ```ts
 * const file = createSource({ type: "file", path: "./connections.yaml" });
 * const sm = createSource({ type: "secretsmanager", region: "eu-west-1" }); // no SDK loaded yet
 * await sm.put?.(connection);
 * ```
 */
export function createSource(config: SourceConfig, options: CreateSourceOptions = {}): ConnectionSource {
  switch (config.type) {
    case "env":
      return fromEnv({
        ...(config.prefix === undefined ? {} : { prefix: config.prefix }),
        ...(options.parser ? { parser: options.parser } : {}),
        ...options.team,
      });
    case "file":
      return fromFile({ path: resolve(options.baseDir ?? process.cwd(), config.path), ...options.team });
    case "plugin":
      return pluginSource(config, {
        baseDir: options.baseDir ?? process.cwd(),
        path: options.path ?? "plugin",
      });
    default:
      assertAwsPackages(config, options.path ?? config.type);
      return lazySource(config.type, () => loadAws(config, options));
  }
}
