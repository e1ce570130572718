import type { AwsClientInit } from "./AwsClientInit.js";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from "./clientDefaults.js";

/** Time a call's deadline allows on top of its attempts: the SDK's backoff between them, a credential lookup. */
export const DEADLINE_SLACK_MS = 3000;

/**
 * The deadline of one AWS call of a source: every attempt running into its timeouts, plus
 * {@link DEADLINE_SLACK_MS}: `maxAttempts x (connectTimeoutMs + requestTimeoutMs) + 3000` ms, which
 * is 15000 ms with the defaults (3 x (1000 + 3000) + 3000).
 *
 * @example
 * ```ts
 * callDeadlineMs({}); // 15000
 * callDeadlineMs({ connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 2 }); // 5000
 * ```
 */
export function callDeadlineMs(
  init: Pick<AwsClientInit, "connectTimeoutMs" | "requestTimeoutMs" | "maxAttempts">,
): number {
  const attempt =
    (init.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS) +
    (init.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  return (init.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) * attempt + DEADLINE_SLACK_MS;
}
