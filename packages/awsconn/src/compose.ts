// awsconn/compose: a resolver over ready sources, for bundled code (see composeResolver). It
// reaches no source, no configuration file reader and no YAML parser by itself.
export { composeResolver, type ComposeConfig } from "./composeResolver.js";
export type { VariableEntry } from "./VariableEntry.js";
export type { Resolver, PreloadResult, ConfigProvenance } from "./Resolver.js";
export type { ResolveResult } from "./ResolveResult.js";
export type { VariableResult } from "./VariableResult.js";
export type { CacheState, ExplainStep, Explanation, MergedLayer } from "./Explanation.js";
export type { ResolverEvent, ResolverLogger } from "./ResolverEvent.js";
export type { AwsClientConfig } from "./awsClientConfig.js";
export type { CacheConfig, SourceWithOptions } from "./types.js";
export type { Connection, ConnectionSource, SourceHit, VariableSource } from "@awsconn/core";
export * from "./errorClasses.js";
// Module state lives in each entry's bundle: use these from here with a composed resolver.
export { withoutLease, MIN_LEASE_MS, type CredentialIdentity } from "./rotatingCredentials.js";
export { isCannotList } from "./cannotList.js";
