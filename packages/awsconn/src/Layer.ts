import type { ConnectionSource } from "@awsconn/core";
import type { OnError } from "./types.js";

/**
 * One entry of the priority chain: a source plus how the resolver treats it.
 *
 * @example
 * ```ts
 * const layer: Layer = { label: "env", source: fromEnv(), live: true, onError: "fail" };
 * ```
 */
export interface Layer {
  /** The name shown in `explain` and events: the source's name, `name#N` when names repeat. */
  readonly label: string;
  readonly source: ConnectionSource;
  /** Live layers (env, file) are read on every lookup and their hits are never cached. */
  readonly live: boolean;
  readonly onError: OnError;
}
