import {
  isAwsconnError,
  redactForeignError,
  SourceError,
  type SourceErrorKind,
  scrubText,
} from "@awsconn/core";
import { loadRetry } from "./sdkModules.js";

/** What failed: the source's name and the attempt (`GetSecretValue "airflow/connections/x"`, `AssumeRole for arn:...`). */
export interface AwsFailure {
  /** The failing source's name (`secretsmanager`, `ssm`, `sts`, `profile`...). */
  source: string;
  /** The attempt, naming its target (an id, a name, a role ARN; never a value). */
  what: string;
  /** Values that must never appear (the value being written, a token, keys); scrubbed from the message and the kept cause. */
  secrets?: readonly (string | undefined)[];
}

/** How {@link classifyAwsError} sees an error. */
export interface AwsErrorClass {
  /** The error's name (`AccessDeniedException`, `TimeoutError`, `ECONNREFUSED`, `HTTP 502`...). */
  name: string;
  kind: SourceErrorKind;
  retryable: boolean;
}

const TIMEOUT_NAMES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNABORTED"]);
const MAX_DETAIL = 300;

/**
 * The error name an AWS SDK v3 error carries (`AccessDeniedException`, `TimeoutError`, `ECONNREFUSED`...).
 *
 * @example
 * ```ts
 * awsErrorNameOf(Object.assign(new Error("x"), { code: "ECONNREFUSED" })); // "ECONNREFUSED"
 * ```
 */
export function awsErrorNameOf(error: unknown): string {
  const e = error as { name?: unknown; code?: unknown; Code?: unknown } | null;
  for (const v of [e?.name, e?.Code, e?.code]) if (typeof v === "string" && v && v !== "Error") return v;
  return "Error";
}

/**
 * Classifies an AWS SDK (or Node network) error with the SDK's own rules (`@smithy/core/retry`:
 * `isThrottlingError`, `isTransientError`, `isServerError`, `isClockSkewError`): its name, its
 * kind and whether a later attempt may succeed. An answer the SDK could not read (a 502 with an
 * HTML body, a body cut short) is named `HTTP <status>`, not `SyntaxError`.
 *
 * @example
 * ```ts
 * await classifyAwsError(Object.assign(new Error("slow"), { name: "ThrottlingException" }));
 * // { name: "ThrottlingException", kind: "throttled", retryable: true }
 * ```
 */
export async function classifyAwsError(error: unknown): Promise<AwsErrorClass> {
  const retry = await loadRetry();
  const e = (error !== null && typeof error === "object" ? error : {}) as {
    name?: string;
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  const unreadable = error instanceof SyntaxError;
  const name = unreadable && status !== undefined ? `HTTP ${status}` : awsErrorNameOf(error);
  const code = typeof e.code === "string" ? e.code : "";
  const asSdk = e as Parameters<typeof retry.isTransientError>[0];
  const throttled = retry.isThrottlingError(asSdk);
  const transient = retry.isTransientError(asSdk);
  const server = retry.isServerError(asSdk) || (unreadable && (status ?? 0) >= 500);
  const kind: SourceErrorKind = throttled
    ? "throttled"
    : TIMEOUT_NAMES.has(name) || TIMEOUT_CODES.has(code)
      ? "timeout"
      : transient && status === undefined && code !== ""
        ? "network"
        : server || (status !== undefined && status >= 500) || unreadable
          ? "server"
          : status === 401 || status === 403 || /AccessDenied|NotAuthorized|Unauthorized/.test(name)
            ? "access-denied"
            : retry.isClockSkewError(asSdk)
              ? "clock-skew"
              : "other";
  return { name, kind, retryable: throttled || transient || server };
}

/**
 * Whether a later attempt may succeed: throttling, 5xx, timeouts, network errors (the SDK's rules).
 *
 * @example
 * ```ts
 * await isRetryableAwsError(Object.assign(new Error("slow down"), { name: "ThrottlingException" })); // true
 * ```
 */
export async function isRetryableAwsError(error: unknown): Promise<boolean> {
  return (await classifyAwsError(error)).retryable;
}

/**
 * The one mapping from a failed AWS call (SDK client, credential provider, STS) to `SourceError`,
 * used by both AWS sources and by `@awsconn/credentials`. awsconn errors pass through unchanged.
 * The message says what was attempted and the error's name and message (cut at 300 characters),
 * with `secrets`, access key ids and URI passwords removed; an unreadable answer says
 * `HTTP <status>` and never quotes the body. `retryable`, `kind` and `awsErrorName` come from
 * {@link classifyAwsError}. The cause is kept only after `redactForeignError` (same scrubbing,
 * raw HTTP answers removed), so no rendering of the error (`util.inspect`, `JSON.stringify`,
 * `.stack`, the cause chain) shows a secret.
 *
 * @example
 * ```ts
 * throw await toSourceError(error, { source: "secretsmanager", what: 'GetSecretValue "airflow/connections/x"' });
 * ```
 */
export async function toSourceError(error: unknown, failure: AwsFailure): Promise<SourceError> {
  if (error instanceof SourceError) return error;
  const { name, kind, retryable } = await classifyAwsError(error);
  const secrets = failure.secrets ?? [];
  const message = error instanceof Error ? error.message : String(error);
  let detail =
    error instanceof SyntaxError
      ? "the answer could not be read (not the expected JSON)"
      : scrubText(message.split("\n")[0] ?? "", secrets);
  if (detail.length > MAX_DETAIL) detail = `${detail.slice(0, MAX_DETAIL)}…`;
  const text = detail && detail !== name ? `${name}: ${detail}` : name;
  return new SourceError(`${failure.what} failed: ${text}${retryable ? " (retryable)" : ""}`, {
    source: failure.source,
    retryable,
    kind,
    awsErrorName: name,
    ...(isAwsconnError(error) ? { cause: error } : { cause: redactForeignError(error, { secrets }) }),
  });
}
