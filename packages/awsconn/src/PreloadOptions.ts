import type { SourceCallOptions } from "@awsconn/core";

/**
 * How long {@link Resolver.preload} waits out throttling, by default (seconds): a fleet that starts
 * at once meets its account's API quota (SSM's Get* calls share 40 a second), and a start that
 * waits for its turn beats one that fails. Pass `waitSeconds` or a `signal` for a tighter deadline.
 */
export const PRELOAD_WAIT_SECONDS = 300;

/**
 * Options of {@link Resolver.preload}.
 *
 * @example
 * ```ts
 * await resolver.preload(ids, { waitSeconds: 60, signal: AbortSignal.timeout(90_000) });
 * ```
 */
export interface PreloadOptions extends SourceCallOptions {
  /**
   * Ids whose lookup was throttled (a `SourceError` of kind `throttled`, after the SDK's own
   * retries) are asked again after a full-jitter backoff (1 s doubling to 20 s) until this many
   * seconds have passed since the preload began; then the throttling error is thrown. `0`: no
   * waiting, the first throttled lookup rejects. Default {@link PRELOAD_WAIT_SECONDS}.
   */
  waitSeconds?: number;
}
