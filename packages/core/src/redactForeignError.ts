import { isAwsconnError } from "./errors.js";
import { REDACTED } from "./redactConnection.js";

/** Options of {@link redactForeignError}. */
export interface RedactForeignErrorOptions {
  /** Values known to be secret (the key, token or value the failed call carried); shorter than 4 characters are ignored. */
  secrets?: readonly (string | undefined)[];
  /**
   * `true` when awsconn cannot vouch for any of the error's text (a plugin source's own error): the
   * result is a new summary error with the same `name` and `code`, a withheld message and the
   * original stack frames; the original object is left untouched.
   */
  withhold?: boolean;
}

/** What a withheld or text-quoting message becomes. */
export const WITHHELD_MESSAGE = "(message withheld: it may quote secret data)";

// AWS access key ids: not secret, but awsconn never repeats them either.
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA)[A-Z0-9]{12,}\b/g;
// `scheme://user:password@`: the password part.
const URI_PASSWORD = /(\/\/[^\s/?#@:]*):[^\s/?#@]*@/g;
// Fields where SDKs and HTTP libraries keep raw answers and requests.
const BODY_FIELDS = ["$response", "$responseBodyText", "response", "body", "request", "config"];
const MAX_DEPTH = 8;

/**
 * Removes known secrets, AWS access key ids and URI passwords from a text.
 *
 * @example
 * ```ts
 * scrubText("bad key hunter2 for postgres://u:pw@h", ["hunter2"]); // "bad key *** for postgres://u:***@h"
 * ```
 */
export function scrubText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out.replace(ACCESS_KEY_ID, REDACTED).replace(URI_PASSWORD, `$1:${REDACTED}@`);
}

// Node's argument errors (ERR_INVALID_ARG_VALUE...) end by quoting the value: "... Received 'p\x00w'".
const RECEIVED_TAIL = /\.?\s*Received\b[\s\S]*$/;

/**
 * The message of any error, safe to print: an awsconn error's own message; for a foreign one, its
 * message with known `secrets`, access key ids and URI passwords scrubbed and Node's quoted
 * argument (`Received '...'`) cut, or {@link WITHHELD_MESSAGE} for a `SyntaxError` (V8's
 * `JSON.parse` quotes the text).
 *
 * @example
 * ```ts
 * foreignErrorMessage(spawnError); // "The property 'options.env['PGPASSWORD']' must be a string without null bytes"
 * ```
 */
export function foreignErrorMessage(error: unknown, secrets: readonly (string | undefined)[] = []): string {
  if (isAwsconnError(error)) return error.message;
  if (error instanceof SyntaxError) return WITHHELD_MESSAGE;
  const message = error instanceof Error ? error.message : String(error);
  return scrubText(message.replace(RECEIVED_TAIL, ""), secrets);
}

/**
 * The one policy for a foreign error (one awsconn did not make) that awsconn keeps as `cause`; the
 * result is what may be kept (`undefined`: nothing):
 * 1. an awsconn error is kept as it is (its text never carries a secret);
 * 2. with `withhold` (awsconn cannot vouch for any of its text, e.g. a plugin source's error), a new
 *    summary error replaces it: the same `name` and `code`, the original stack frames, no message;
 * 3. an AWS SDK error (it carries the SDK's per-call `$metadata`) is redacted in place: known
 *    `secrets`, access key ids and URI passwords are scrubbed from its message and stack, a
 *    `SyntaxError`'s message (V8's `JSON.parse` quotes the text near the problem) is withheld, raw
 *    HTTP answers (`$response`, `$responseBodyText`, `body`...) are removed, along its `cause` chain;
 * 4. any other error is kept only when it needs none of that (it is not awsconn's to change), else
 *    dropped: the wrapping error's own message says what failed.
 * A thrown string is scrubbed like a message.
 *
 * @example
 * ```ts
 * throw new SourceError("GetSecretValue failed", { source: "secretsmanager", cause: redactForeignError(error, { secrets: [value] }) });
 * ```
 */
export function redactForeignError(error: unknown, options: RedactForeignErrorOptions = {}): unknown {
  return redact(error, options, 0);
}

function redact(error: unknown, options: RedactForeignErrorOptions, depth: number): unknown {
  if (isAwsconnError(error)) return error;
  if (typeof error === "string")
    return options.withhold ? WITHHELD_MESSAGE : scrubText(error, options.secrets);
  if (error === null || typeof error !== "object") return error;
  if (depth >= MAX_DEPTH) return undefined;
  if (options.withhold) return summary(error, options, depth);
  if ("$metadata" in error) return redactInPlace(error, options, depth);
  return isClean(error, options, depth) ? error : undefined;
}

function isClean(error: object, options: RedactForeignErrorOptions, depth: number): boolean {
  if (depth >= MAX_DEPTH || isAwsconnError(error)) return depth < MAX_DEPTH;
  const e = error as { message?: unknown; stack?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.message === "string" && foreignErrorMessage(error, options.secrets) !== e.message)
    return false;
  if (typeof e.stack === "string" && scrubText(e.stack, options.secrets) !== e.stack) return false;
  if (BODY_FIELDS.some((field) => field in error)) return false;
  const nested = [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.every(
    (x) =>
      x === undefined ||
      (typeof x === "string"
        ? scrubText(x, options.secrets) === x
        : typeof x !== "object" || x === null || isClean(x, options, depth + 1)),
  );
}

function summary(error: object, options: RedactForeignErrorOptions, depth: number): Error {
  const e = error as { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const name = typeof e.name === "string" && e.name ? e.name : "Error";
  const out = new Error(WITHHELD_MESSAGE);
  out.name = name;
  const frames = typeof e.stack === "string" ? e.stack.split("\n").filter((l) => /^\s+at /.test(l)) : [];
  out.stack = [`${name}: ${WITHHELD_MESSAGE}`, ...frames.map((f) => scrubText(f))].join("\n");
  if (typeof e.code === "string" || typeof e.code === "number") Object.assign(out, { code: e.code });
  const cause = e.cause === undefined ? undefined : redact(e.cause, options, depth + 1);
  if (cause !== undefined)
    Object.defineProperty(out, "cause", { value: cause, configurable: true, writable: true });
  return out;
}

function redactInPlace(error: object, options: RedactForeignErrorOptions, depth: number): object {
  const e = error as { message?: unknown; stack?: unknown; cause?: unknown; errors?: unknown };
  try {
    const original = typeof e.message === "string" ? e.message : undefined;
    if (original !== undefined) {
      const message = foreignErrorMessage(error, options.secrets);
      if (message !== original) e.message = message;
      if (typeof e.stack === "string") {
        const stack = original && message !== original ? e.stack.split(original).join(message) : e.stack;
        e.stack = scrubText(stack, options.secrets);
      }
    }
    for (const field of BODY_FIELDS) if (field in error) delete (error as Record<string, unknown>)[field];
    if (e.cause !== undefined) e.cause = redact(e.cause, options, depth + 1);
    if (Array.isArray(e.errors)) e.errors = e.errors.map((x) => redact(x, options, depth + 1));
  } catch {
    // A frozen or exotic error: keep only a summary of it.
    return summary(error, { ...options, withhold: true }, depth);
  }
  return error;
}
