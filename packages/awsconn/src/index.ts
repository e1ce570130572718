export { createResolver } from "./createResolver.js";
export type { Resolver, PreloadResult, ConfigProvenance } from "./Resolver.js";
export { PRELOAD_WAIT_SECONDS, type PreloadOptions } from "./PreloadOptions.js";
export type { ResolveResult } from "./ResolveResult.js";
export type { VariableResult } from "./VariableResult.js";
export type { VariableExplanation, VariableListing } from "./VariableExplanation.js";
export type { CacheState, ExplainStep, Explanation, MergedLayer } from "./Explanation.js";
export type { Clock } from "./Clock.js";
export type { ResolverEvent, ResolverLogger, VariableEvent } from "./ResolverEvent.js";
export { isVariableEvent } from "./ResolverEvent.js";
export { withCache, type WithCacheOptions } from "./withCache.js";
export { isCachedSource, type CachedSource, type CacheLookup } from "./CachedSource.js";
export {
  getConnection,
  getAwsClientConfig,
  defaultResolver,
  resetDefaultResolver,
} from "./defaultResolver.js";
export {
  discoverConfig,
  CONFIG_FILE_NAMES,
  type DiscoveredConfig,
  type DiscoverOptions,
} from "./discoverConfig.js";
export { fromAirflowSettings, AIRFLOW_BACKENDS } from "./airflowSettings.js";
export {
  parseConfig,
  CACHE_DEFAULTS,
  type ConfigPath,
  type NormalizedConfig,
  type ParseConfigOptions,
} from "./parseConfig.js";
export { loadConfigFile, readConfigFile, type ConfigFileContent } from "./loadConfigFile.js";
export { SOURCE_TYPES } from "./configSchema.js";
export { lazySource } from "./lazySource.js";
export { isCannotList, cannotListError } from "./cannotList.js";
export { createSource, type CreateSourceOptions } from "./createSource.js";
export { loadAwsCredentialsHelpers, type AwsCredentialsHelpers } from "./loadAwsCredentialsHelpers.js";
export {
  fromFile,
  loadConnections,
  formatOfPath,
  type ConnectionsFileFormat,
  type FileConnectionSource,
  type FileEntry,
  type FileProblem,
  type FileReport,
  type LoadedConnections,
} from "@awsconn/source-file";
export type { AwsClientConfig } from "./awsClientConfig.js";
export { withoutLease, MIN_LEASE_MS, type CredentialIdentity } from "./rotatingCredentials.js";
export { RENEW_INTERVAL_MS } from "./renewalGate.js";
export type * from "./types.js";
// What a user of the facade handles (connections, sources, errors), so `awsconn` alone is enough:
// no direct dependency on @awsconn/core, which strict installers (pnpm) would not let an app import.
export type {
  Connection,
  ConnectionSource,
  SourceHit,
  SourceCallOptions,
  VariableSource,
  VariableHit,
  AwsconnErrorCode,
  AirflowConnectionJson,
} from "@awsconn/core";
export * from "./errorClasses.js";
export {
  isSensitiveVariableKey,
  validateConnId,
  isValidConnId,
  REDACTED,
  createConnection,
  parseConnectionUri,
  parseConnectionJson,
  connectionToUri,
  connectionToJson,
} from "@awsconn/core";
