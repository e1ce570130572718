import { SourceError } from "@awsconn/core";

const RETRYABLE_NAMES = new Set([
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "IDPCommunicationError",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);

// Access key ids look like this; they are not secret, but awsconn never repeats them either.
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g;

/**
 * Wraps a failure of an AWS call or credential provider in `SourceError`, keeping the original as
 * `cause`. The message says what was attempted (`what`, e.g. `AssumeRole for arn:aws:iam::1:role/r`)
 * and the error's name and message with every known secret and any access key id removed.
 *
 * @example
 * ```ts
 * throw toSourceError(error, { source: "sts", what: `AssumeRole for ${roleArn}`, secrets: [secretKey] });
 * ```
 */
export function toSourceError(
  error: unknown,
  options: { source: string; what: string; secrets?: readonly (string | undefined)[] },
): SourceError {
  if (error instanceof SourceError) return error;
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
    code?: string;
  };
  const name = typeof e.name === "string" && e.name !== "Error" ? e.name : e.code;
  let message = typeof e.message === "string" ? e.message : String(error);
  for (const secret of options.secrets ?? []) {
    if (secret && secret.length >= 4) message = message.split(secret).join("***");
  }
  message = message.replace(ACCESS_KEY_ID, "***");
  const status = e.$metadata?.httpStatusCode;
  const retryable =
    Boolean(e.$retryable) ||
    (status !== undefined && status >= 500) ||
    (name !== undefined && RETRYABLE_NAMES.has(name)) ||
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"].includes(e.code ?? "");
  return new SourceError(`${options.what} failed: ${name ? `${name}: ` : ""}${message}`, {
    source: options.source,
    retryable,
    ...(name ? { awsErrorName: name } : {}),
    cause: error,
  });
}
