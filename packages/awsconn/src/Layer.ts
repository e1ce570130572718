import type { ConnectionSource } from "@awsconn/core";
import type { CachedSource } from "./CachedSource.js";
import type { OnError } from "./types.js";

/**
 * One entry of the priority chain: a source plus how the resolver treats it.
 *
 * @example
 * ```ts
 * const layer: Layer = { label: "env", source: fromEnv(), onError: "fail" };
 * ```
 */
export interface Layer {
  /** The name shown in `explain` and events: the source's name, `name#N` when names repeat. */
  readonly label: string;
  /** The source as the chain asks it (for a remote source: its cache). */
  readonly source: ConnectionSource;
  /** Remote sources only: the cache around the source (the same object as `source`). Live sources (env, file) have none. */
  readonly cached?: CachedSource;
  readonly onError: OnError;
}
