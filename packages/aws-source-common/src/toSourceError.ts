import { SourceError } from "@awsconn/core";

const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestThrottled",
  "RequestThrottledException",
  "RequestLimitExceeded",
  "ProvisionedThroughputExceededException",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
  "BandwidthLimitExceeded",
]);
const TRANSIENT = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "InternalServiceError",
]);
const NETWORK = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);

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
 * Whether a later attempt may succeed: throttling, 5xx, timeouts, network errors.
 *
 * @example
 * ```ts
 * isRetryableAwsError(Object.assign(new Error("slow down"), { name: "ThrottlingException" })); // true
 * ```
 */
export function isRetryableAwsError(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
  } | null;
  const name = awsErrorNameOf(error);
  if (THROTTLING.has(name) || TRANSIENT.has(name) || NETWORK.has(name)) return true;
  if (typeof e?.code === "string" && NETWORK.has(e.code)) return true;
  if (e?.$retryable) return true;
  const status = e?.$metadata?.httpStatusCode;
  return typeof status === "number" && (status >= 500 || status === 429);
}

/**
 * Wraps a failed AWS call as a `SourceError`: names the operation and its target (secret id,
 * parameter name; never a value), keeps the backend's error name in `awsErrorName`, sets `retryable`, keeps the cause.
 * `secrets` are strings that must never appear in the message (replaced by `***`).
 *
 * @example
 * ```ts
 * throw toSourceError(error, "secretsmanager", "GetSecretValue", "airflow/connections/x");
 * ```
 */
export function toSourceError(
  error: unknown,
  source: string,
  operation: string,
  target: string,
  secrets: readonly string[] = [],
): SourceError {
  const name = awsErrorNameOf(error);
  const original = error instanceof Error ? error.message : String(error);
  let detail = original;
  for (const secret of secrets) if (secret) detail = detail.split(secret).join("***");
  if (detail.length > 300) detail = `${detail.slice(0, 300)}…`;
  const retryable = isRetryableAwsError(error);
  const hint = retryable ? " (retryable)" : "";
  return new SourceError(`${operation} ${JSON.stringify(target)} failed: ${name}: ${detail}${hint}`, {
    source,
    retryable,
    awsErrorName: name,
    // A backend message that quoted a secret is not kept, not even as the cause.
    ...(detail === original ? { cause: error } : {}),
  });
}
