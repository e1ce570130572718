import type { RetryMode } from "@awsconn/aws-source-common";
import { closestMatch, ConnectionFormatError } from "@awsconn/core";
import { describe } from "./extraValue.js";

/**
 * What `extra.config_kwargs` (botocore `Config` arguments) and `extra.verify` mean for an AWS SDK v3
 * client: retry settings for the client itself, and options for its Node HTTP handler.
 *
 * @example
 * ```ts
 * httpAndRetryOptions({ retries: { max_attempts: 4, mode: "adaptive" }, connect_timeout: 2 }, false);
 * // { maxAttempts: 5, retryMode: "adaptive", http: { connectionTimeoutMs: 2000, rejectUnauthorized: false }, warnings: [] }
 * ```
 */
export interface HttpAndRetryOptions {
  /** SDK `maxAttempts` (total attempts, first one included). */
  maxAttempts?: number;
  /** SDK `retryMode`. */
  retryMode?: RetryMode;
  /** SDK `forcePathStyle` (S3), from `s3.addressing_style: "path"`. */
  forcePathStyle?: boolean;
  /** SDK `useDualstackEndpoint`. */
  useDualstackEndpoint?: boolean;
  /** SDK `useFipsEndpoint`. */
  useFipsEndpoint?: boolean;
  /** SDK `customUserAgent`, from `user_agent_extra`. */
  customUserAgent?: string;
  /** SDK `userAgentAppId`, from `user_agent_appid`. */
  userAgentAppId?: string;
  /** Options for a `NodeHttpHandler`; absent when the SDK default handler will do. */
  http?: HttpOptions;
  /** What could not be applied, and why. */
  warnings: string[];
}

/**
 * Options for the Node HTTP handler.
 *
 * @example
 * ```ts
 * const http: HttpOptions = { connectionTimeoutMs: 1000, requestTimeoutMs: 3000, caBundlePath: "/etc/ssl/corp.pem" };
 * ```
 */
export interface HttpOptions {
  /** TCP connect timeout in ms (`connect_timeout` seconds). */
  connectionTimeoutMs?: number;
  /** Socket idle (read) timeout in ms (`read_timeout` seconds). */
  requestTimeoutMs?: number;
  /** Most sockets per host (`max_pool_connections`). */
  maxSockets?: number;
  /** `false` for `verify: false`: TLS certificates are not checked. */
  rejectUnauthorized?: boolean;
  /** CA bundle path (`verify: "<path>"`): only these roots are trusted. */
  caBundlePath?: string;
}

// botocore Config options that have no counterpart applied here.
const BOTOCORE_ONLY = [
  "region_name",
  "signature_version",
  "user_agent",
  "parameter_validation",
  "proxies",
  "proxies_config",
  "client_cert",
  "inject_host_prefix",
  "ignore_configured_endpoint_urls",
  "tcp_keepalive",
  "request_min_compression_size_bytes",
  "disable_request_compression",
  "sigv4a_signing_region_set",
  "client_context_params",
  "request_checksum_calculation",
  "response_checksum_validation",
  "account_id_endpoint_mode",
  "auth_scheme_preference",
];
const APPLIED = [
  "retries",
  "connect_timeout",
  "read_timeout",
  "max_pool_connections",
  "s3",
  "use_dualstack_endpoint",
  "use_fips_endpoint",
  "user_agent_extra",
  "user_agent_appid",
];

/**
 * Maps botocore `Config` arguments (Airflow's `extra.config_kwargs`) and `extra.verify` onto SDK v3
 * client and HTTP handler options.
 *
 * - `retries.total_max_attempts` -> `maxAttempts`; else `retries.max_attempts` (botocore counts retries
 *   only) + 1 -> `maxAttempts`; `retries.mode` `standard`/`adaptive` -> `retryMode`, `legacy` -> `standard`
 *   with a warning;
 * - `connect_timeout` / `read_timeout` (seconds) -> handler `connectionTimeout` / `requestTimeout` (ms);
 *   `max_pool_connections` -> agent `maxSockets`;
 * - `verify: false` (or the string `"false"`) -> certificates not checked; a string path -> CA bundle;
 * - other botocore options are reported in `warnings` as not applied; unknown keys get a "did you mean".
 *
 * Throws `ConnectionFormatError` for values of the wrong type.
 *
 * @example
 * ```ts
 * httpAndRetryOptions({ retries: { total_max_attempts: 2 } }, undefined).maxAttempts; // 2
 * ```
 */
export function httpAndRetryOptions(
  configKwargs: Record<string, unknown> | undefined,
  verify: boolean | string | undefined,
): HttpAndRetryOptions {
  const out: HttpAndRetryOptions = { warnings: [] };
  const http: HttpOptions = {};
  const kw = configKwargs ?? {};

  const retries = kw.retries;
  if (retries !== undefined && retries !== null) {
    if (typeof retries !== "object" || Array.isArray(retries)) {
      throw new ConnectionFormatError(
        `extra.config_kwargs.retries must be an object, got ${describe(retries)}`,
      );
    }
    readRetries(retries as Record<string, unknown>, out);
  }
  const connect = seconds(kw, "connect_timeout");
  if (connect !== undefined) http.connectionTimeoutMs = connect;
  const read = seconds(kw, "read_timeout");
  if (read !== undefined) http.requestTimeoutMs = read;
  const pool = positiveInteger(kw.max_pool_connections, "config_kwargs.max_pool_connections");
  if (pool !== undefined) http.maxSockets = pool;

  const s3 = kw.s3;
  if (s3 && typeof s3 === "object" && (s3 as Record<string, unknown>).addressing_style === "path") {
    out.forcePathStyle = true;
  }
  if (kw.use_dualstack_endpoint !== undefined) out.useDualstackEndpoint = truthy(kw.use_dualstack_endpoint);
  if (kw.use_fips_endpoint !== undefined) out.useFipsEndpoint = truthy(kw.use_fips_endpoint);
  if (typeof kw.user_agent_extra === "string") out.customUserAgent = kw.user_agent_extra;
  if (typeof kw.user_agent_appid === "string") out.userAgentAppId = kw.user_agent_appid;

  for (const key of Object.keys(kw)) {
    if (APPLIED.includes(key)) continue;
    if (BOTOCORE_ONLY.includes(key)) {
      out.warnings.push(
        `extra.config_kwargs.${key} has no AWS SDK for JavaScript counterpart here and is not applied`,
      );
    } else {
      const near = closestMatch(key, [...APPLIED, ...BOTOCORE_ONLY]);
      out.warnings.push(
        `extra.config_kwargs.${key} is not a botocore Config option and is ignored${near ? `; did you mean "${near}"?` : ""}`,
      );
    }
  }

  if (verify === false || (typeof verify === "string" && verify.toLowerCase() === "false")) {
    http.rejectUnauthorized = false;
  } else if (typeof verify === "string" && verify.toLowerCase() !== "true") {
    http.caBundlePath = verify;
  }
  if (Object.keys(http).length > 0) out.http = http;
  return out;
}

function readRetries(retries: Record<string, unknown>, out: HttpAndRetryOptions) {
  const total = positiveInteger(retries.total_max_attempts, "config_kwargs.retries.total_max_attempts");
  const max = nonNegativeInteger(retries.max_attempts, "config_kwargs.retries.max_attempts");
  if (total !== undefined) out.maxAttempts = total;
  else if (max !== undefined) out.maxAttempts = max + 1;
  const mode = retries.mode;
  if (mode === "standard" || mode === "adaptive") out.retryMode = mode;
  else if (mode === "legacy") {
    out.retryMode = "standard";
    out.warnings.push(
      'extra.config_kwargs.retries.mode "legacy" has no SDK v3 counterpart; "standard" is used',
    );
  } else if (mode !== undefined && mode !== null) {
    throw new ConnectionFormatError(
      `extra.config_kwargs.retries.mode must be one of legacy, standard, adaptive, got ${JSON.stringify(String(mode))}`,
    );
  }
}

function toNumber(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) {
    throw new ConnectionFormatError(`extra.${key} must be a non-negative number, got ${describe(value)}`);
  }
  return n;
}

function seconds(kw: Record<string, unknown>, key: string): number | undefined {
  const n = toNumber(kw[key], `config_kwargs.${key}`);
  return n === undefined ? undefined : Math.round(n * 1000);
}

function nonNegativeInteger(value: unknown, key: string): number | undefined {
  const n = toNumber(value, key);
  if (n !== undefined && !Number.isInteger(n)) {
    throw new ConnectionFormatError(`extra.${key} must be an integer`);
  }
  return n;
}

function positiveInteger(value: unknown, key: string): number | undefined {
  const n = nonNegativeInteger(value, key);
  if (n === 0) throw new ConnectionFormatError(`extra.${key} must be at least 1`);
  return n;
}

function truthy(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.toLowerCase() === "true");
}
