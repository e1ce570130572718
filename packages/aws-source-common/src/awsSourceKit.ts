import type { AwsClientInit } from "./AwsClientInit.js";
import { compileLookupPattern } from "./airflowNaming/compileLookupPattern.js";
import { trimPrefix } from "./airflowNaming/trimPrefix.js";
import { callDeadlineMs } from "./callDeadlineMs.js";
import { failureFor } from "./failureFor.js";
import { lazyClient } from "./lazyClient.js";

/** The source options {@link awsSourceKit} reads. */
export type AwsSourceKitSourceInit<C> = AwsClientInit & {
  /** Airflow's `connections_prefix` / `variables_prefix`; `null` switches the source off. */
  prefix?: string | null;
  /** Airflow's `connections_lookup_pattern` / `variables_lookup_pattern`. */
  lookupPattern?: string;
  /** A ready client. */
  client?: C;
};

/** How {@link awsSourceKit} builds the pieces of one source. */
export interface AwsSourceKitInit<C, M> {
  /** The prefix when the options give none (Airflow's default). */
  defaultPrefix: string;
  /** The separator(s) trimmed from the end of the prefix. */
  sep: string;
  /** The option named when `lookupPattern` does not compile. Default `lookupPattern`. */
  patternPath?: string;
  /** Makes the client when the options hold none (called on first use). */
  createClient: () => Promise<C>;
  /** Loads the SDK module (called on first use). */
  loadSdk: () => Promise<M>;
}

/** The pieces every AWS source (connections or Variables) starts from; see {@link awsSourceKit}. */
export interface AwsSourceKit<C, M> {
  /** The prefix, its trailing separators trimmed (`""` when off or empty). */
  prefix: string;
  /** `prefix: null`: nothing is looked up. */
  off: boolean;
  /** The compiled lookup pattern (Python's `re.match`); matches nothing when `off`. */
  matches: (id: string) => boolean;
  /** The client, the ready one or made once on first use. */
  client: () => Promise<C>;
  /** The SDK module, loaded once (a repeated dynamic `import()` costs a module-map lookup and a promise per call). */
  sdk: () => Promise<M>;
  /** What a failed call of the source throws (`failureFor`). */
  fail: ReturnType<typeof failureFor>;
  /** The deadline of one call over all its attempts (`callDeadlineMs`). */
  deadlineMs: number;
}

/**
 * The start of an AWS source, the same for Secrets Manager and SSM, connections and Variables:
 * the trimmed prefix, whether it is switched off (`prefix: null`, as Airflow's `*_prefix=None`),
 * the compiled lookup pattern, the lazy client and SDK module, the failure mapping and the call
 * deadline. A `lookupPattern` that does not compile throws `ConfigError` naming `patternPath`.
 *
 * @example
 * ```ts
 * const { prefix, off, matches, client, sdk, fail, deadlineMs } = awsSourceKit("ssm", init, {
 *   defaultPrefix: "/airflow/connections",
 *   sep: "/",
 *   createClient: () => createSsmClient(init),
 *   loadSdk: () => import("@aws-sdk/client-ssm"),
 * });
 * ```
 */
export function awsSourceKit<C, M>(
  sourceName: string,
  init: AwsSourceKitSourceInit<C>,
  spec: AwsSourceKitInit<C, M>,
): AwsSourceKit<C, M> {
  const prefix = trimPrefix(init.prefix === undefined ? spec.defaultPrefix : init.prefix, spec.sep);
  const off = init.prefix === null;
  const pattern = compileLookupPattern(init.lookupPattern, spec.patternPath);
  return {
    prefix,
    off,
    matches: off ? () => false : pattern,
    client: lazyClient<C>(init.client, spec.createClient),
    sdk: lazyClient(undefined, spec.loadSdk),
    fail: failureFor(sourceName),
    deadlineMs: callDeadlineMs(init),
  };
}
