/** The stable machine-readable codes of awsconn errors. */
export type AwsconnErrorCode =
  | "NOT_FOUND"
  | "INVALID_CONNECTION"
  | "SOURCE_FAILED"
  | "INVALID_CONFIG"
  | "INVALID_CONN_ID"
  | "VARIABLE_NOT_FOUND";

/**
 * The brand every awsconn error carries (on its prototype), the same symbol in every copy of this
 * package: an error from the CommonJS build is recognised by the ES module build and the other way
 * round, and so is one from another installed version.
 */
const AWSCONN_ERROR = Symbol.for("awsconn.error");

/**
 * Base of the awsconn error family. Every error has a stable `code` and keeps its `cause`.
 * Messages never contain a password, token or whole URI.
 *
 * `instanceof` works across copies of the package (the ES module and CommonJS builds loaded side by
 * side): a branded error matches `AwsconnError`, and the family class whose `code` it has.
 *
 * @example
 * ```ts
 * const { ConnectionNotFoundError } = require("@awsconn/core"); // the CommonJS copy
 * new ConnectionNotFoundError("x") instanceof AwsconnError;     // true, also for the ESM import
 * ```
 */
export abstract class AwsconnError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: AwsconnErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** `instanceof` by the prototype chain, else (for the family's own classes) by brand and `code`. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class asked about (a subclass too).
    return isInstanceOf(this, value);
  }

  /** JSON form: name, code, message and the public fields; never the cause's text. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [k, v] of Object.entries(this)) if (k !== "cause") out[k] = v;
    return out;
  }
}

/**
 * No source has the connection.
 *
 * @example
 * ```ts
 * try { await resolver.get("aws_default") } catch (e) { if (e instanceof ConnectionNotFoundError) ... }
 * ```
 */
export class ConnectionNotFoundError extends AwsconnError {
  readonly code = "NOT_FOUND" as const;
  /** The id that was looked up. */
  readonly connId: string;
  /** The names of the sources consulted, in order. */
  readonly sources: readonly string[];

  constructor(connId: string, sources: readonly string[] = [], options?: { cause?: unknown }) {
    super(
      `connection "${connId}" not found${sources.length ? ` in any source (looked in: ${sources.join(", ")})` : ""}`,
      options,
    );
    this.connId = connId;
    this.sources = sources;
  }
}

/**
 * No source has the Airflow Variable.
 *
 * @example
 * ```ts
 * try { await resolver.getVariable("region") } catch (e) { if (e instanceof VariableNotFoundError) ... }
 * ```
 */
export class VariableNotFoundError extends AwsconnError {
  readonly code = "VARIABLE_NOT_FOUND" as const;
  /** The key that was looked up. */
  readonly key: string;
  /** The names of the sources consulted, in order. */
  readonly sources: readonly string[];

  constructor(key: string, sources: readonly string[] = [], options?: { cause?: unknown }) {
    super(
      `variable ${JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key)} not found${sources.length ? ` in any source (looked in: ${sources.join(", ")})` : ""}`,
      options,
    );
    this.key = key;
    this.sources = sources;
  }
}

/**
 * The stored data is malformed. Names the origin (file and line where there is one) and what is wrong;
 * never contains a secret.
 *
 * @example
 * ```ts
 * throw new ConnectionFormatError("port must be an integer 0..65535", { origin: "file:conns.yaml", line: 4 });
 * ```
 */
export class ConnectionFormatError extends AwsconnError {
  readonly code = "INVALID_CONNECTION" as const;
  /** Where the bad data is (`file:PATH`, `env:VAR`, `secretsmanager:ID`...), when known. */
  readonly origin?: string;
  /** 1-based line in the origin, when known. */
  readonly line?: number;
  /** The message without the origin prefix. */
  readonly reason: string;

  constructor(reason: string, options: { origin?: string; line?: number; cause?: unknown } = {}) {
    const where = options.origin
      ? `${options.origin}${options.line !== undefined ? `:${options.line}` : ""}: `
      : "";
    super(`${where}${reason}`, { cause: options.cause });
    this.reason = reason;
    if (options.origin !== undefined) this.origin = options.origin;
    if (options.line !== undefined) this.line = options.line;
  }
}

/**
 * The kind of a backend failure: `throttled` (rate limits), `timeout` (connect, request or
 * deadline), `network` (refused, reset, DNS), `server` (5xx or an answer that could not be read),
 * `access-denied` (401/403, missing permission, bad or expired keys), `clock-skew`, or `other`.
 */
export type SourceErrorKind =
  | "throttled"
  | "timeout"
  | "network"
  | "server"
  | "access-denied"
  | "clock-skew"
  | "other";

/**
 * A backend failed: access denied, throttled after retries, timeout, network.
 * `retryable` tells whether trying again later may help.
 *
 * @example
 * ```ts
 * new SourceError("GetSecretValue timed out after 3000 ms", { source: "secretsmanager", retryable: true, awsErrorName: "TimeoutError" });
 * ```
 */
export class SourceError extends AwsconnError {
  readonly code = "SOURCE_FAILED" as const;
  /** The failing source's name. */
  readonly source: string;
  /** Whether a later attempt may succeed (throttling, 5xx, timeouts, network). */
  readonly retryable: boolean;
  /** The backend's error name, e.g. `AccessDeniedException`, when there is one. */
  readonly awsErrorName?: string;
  /** What kind of failure it was, when known (see {@link SourceErrorKind}). */
  readonly kind?: SourceErrorKind;

  constructor(
    message: string,
    options: {
      source: string;
      retryable?: boolean;
      awsErrorName?: string;
      kind?: SourceErrorKind;
      cause?: unknown;
    },
  ) {
    super(`${options.source}: ${message}`, { cause: options.cause });
    this.source = options.source;
    this.retryable = options.retryable ?? false;
    if (options.awsErrorName !== undefined) this.awsErrorName = options.awsErrorName;
    if (options.kind !== undefined) this.kind = options.kind;
  }
}

/**
 * One thing wrong in a configuration: what, at which key path, on which line of the file.
 *
 * @example
 * ```ts
 * const problem: ConfigProblem = { path: "sources[0].type", line: 3, message: 'unknown source type "sm"; did you mean "ssm"?' };
 * ```
 */
export interface ConfigProblem {
  /** What is wrong, without the origin, line or path. */
  message: string;
  /** Key path of the wrong setting (`sources[2].type`), when there is one. */
  path?: string;
  /** 1-based line in the configuration file, when known. */
  line?: number;
}

function problemText(problem: ConfigProblem, origin?: string): string {
  const where = origin ? `${origin}${problem.line !== undefined ? `:${problem.line}` : ""}: ` : "";
  return `${where}${problem.path ? `${problem.path}: ` : ""}${problem.message}`;
}

/**
 * The configuration is wrong. `path` is the key path (`sources[2].type`), `line` the line of the
 * configuration file. A configuration with several problems is one `ConfigError` listing them all
 * in `problems` (and in the message, one `file:line: path: message` per line); `path` and `line`
 * are then the first problem's.
 *
 * @example
 * ```ts
 * new ConfigError('expected one of env, file, secretsmanager, ssm, got "sm"', { path: "sources[2].type" });
 * ConfigError.of([{ path: "sorces", line: 1, message: "unknown key" }, { path: "mode", line: 2, message: "bad" }], "awsconn.yaml");
 * ```
 */
export class ConfigError extends AwsconnError {
  readonly code = "INVALID_CONFIG" as const;
  /** Key path of the wrong setting, when there is one. */
  readonly path?: string;
  /** Where the configuration came from (a file path, `AIRFLOW__SECRETS__BACKEND_KWARGS`...). */
  readonly origin?: string;
  /** 1-based line in the configuration file, when known. */
  readonly line?: number;
  /** Every problem found (one, for an error made with the constructor). */
  readonly problems: readonly ConfigProblem[];

  constructor(message: string, options: ConfigErrorOptions = {}) {
    const listed = (options.problems?.length ?? 0) > 1;
    const self: ConfigProblem = { message };
    if (options.path !== undefined) self.path = options.path;
    if (options.line !== undefined) self.line = options.line;
    // A list names each problem's path and line on its own line: the first line names only the origin.
    super(listed ? problemText({ message }, options.origin) : problemText(self, options.origin), {
      cause: options.cause,
    });
    if (options.path !== undefined) this.path = options.path;
    if (options.origin !== undefined) this.origin = options.origin;
    if (options.line !== undefined) this.line = options.line;
    this.problems = options.problems ?? [self];
  }

  /**
   * One error for every problem of a configuration: the problem itself when there is one, else a
   * message that lists them all, one per line; `path` and `line` are the first problem's.
   */
  static of(problems: readonly ConfigProblem[], origin?: string): ConfigError {
    const [first, ...more] = problems;
    const options: ConfigErrorOptions = origin === undefined ? {} : { origin };
    if (!first) return new ConfigError("invalid configuration", options);
    if (first.path !== undefined) options.path = first.path;
    if (first.line !== undefined) options.line = first.line;
    options.problems = problems;
    if (more.length === 0) return new ConfigError(first.message, options);
    const list = problems.map((p) => `  ${problemText(p, origin)}`).join("\n");
    return new ConfigError(`${problems.length} problems in the configuration:\n${list}`, options);
  }
}

/** Options of {@link ConfigError}. */
export interface ConfigErrorOptions {
  /** Key path of the wrong setting. */
  path?: string;
  /** Where the configuration came from. */
  origin?: string;
  /** 1-based line in the configuration file. */
  line?: number;
  /** The underlying error. */
  cause?: unknown;
  /** Every problem, when there are several (the message then lists them). */
  problems?: readonly ConfigProblem[];
}

/**
 * A connection id outside Airflow's allowed set (`^[\w#!()\-.:/\\]+$`, at most 250 characters).
 * Refused before any lookup.
 *
 * @example
 * ```ts
 * validateConnId("../x") // throws InvalidConnIdError
 * ```
 */
export class InvalidConnIdError extends AwsconnError {
  readonly code = "INVALID_CONN_ID" as const;
  /**
   * The offending id, shown escaped (JSON) and cut to 80 characters; an id that looks like a
   * connection value (a URI with `://`, JSON, or anything with `@` or `=`) is not shown at all,
   * since it may carry a password: only its length is.
   */
  readonly shownId: string;

  constructor(connId: string, why: string) {
    const shown = /:\/\/|[@={]/.test(connId)
      ? `(${connId.length} characters that look like a connection value, not shown)`
      : JSON.stringify(connId.length > 80 ? `${connId.slice(0, 80)}…` : connId);
    super(`invalid connection id ${shown}: ${why}`);
    this.shownId = shown;
  }
}

Object.defineProperty(AwsconnError.prototype, AWSCONN_ERROR, { value: true });

/**
 * The family's own classes, by the `code` their errors carry (the base: any code). A subclass declared
 * elsewhere is not here, so for it `instanceof` is the plain prototype-chain test.
 */
const FAMILY = new Map<unknown, AwsconnErrorCode | undefined>([
  [AwsconnError, undefined],
  [ConnectionNotFoundError, "NOT_FOUND"],
  [ConnectionFormatError, "INVALID_CONNECTION"],
  [SourceError, "SOURCE_FAILED"],
  [ConfigError, "INVALID_CONFIG"],
  [InvalidConnIdError, "INVALID_CONN_ID"],
  [VariableNotFoundError, "VARIABLE_NOT_FOUND"],
]);

function isInstanceOf(errorClass: unknown, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(errorClass, value)) return true;
  if (!FAMILY.has(errorClass) || typeof value !== "object" || value === null) return false;
  if ((value as { [AWSCONN_ERROR]?: unknown })[AWSCONN_ERROR] !== true) return false;
  const code = FAMILY.get(errorClass);
  return code === undefined || (value as { code?: unknown }).code === code;
}

/**
 * True for any error of the awsconn family, from this copy of the package or another (the CommonJS
 * build beside the ES module one).
 *
 * @example
 * ```ts
 * try { await resolver.get("x") } catch (e) { if (isAwsconnError(e)) console.error(e.code) }
 * ```
 */
export function isAwsconnError(error: unknown): error is AwsconnError {
  return error instanceof AwsconnError;
}
