import { callDeadlineMs, type SdkClientSettings } from "@awsconn/aws-source-common";
import type { AwsConnectionSettings } from "./AwsConnectionSettings.js";
import { createRequestHandler } from "./createRequestHandler.js";
import type { HttpAndRetryOptions } from "./httpAndRetryOptions.js";
import { serviceEndpoint } from "./serviceEndpoint.js";

/**
 * The STS client settings awsconn uses for a connection (its `AssumeRole`,
 * `AssumeRoleWithWebIdentity` and `awsconn test`'s `GetCallerIdentity`): STS at
 * `service_config.sts.endpoint_url` only, as Airflow; the connection's `verify` and `config_kwargs`
 * (timeouts, pool, retries) on the shared request handler, whose request timeout covers the whole
 * answer (default connect 1 s, request 3 s).
 *
 * @example
 * ```ts
 * const config = await stsClientConfig(settings, httpAndRetryOptions(settings.configKwargs, settings.verify), "us-east-1");
 * new STSClient({ ...config, credentials });
 * ```
 */
export async function stsClientConfig(
  settings: AwsConnectionSettings,
  tuning: HttpAndRetryOptions,
  region: string,
): Promise<SdkClientSettings & { region: string }> {
  const endpoint = serviceEndpoint(settings, "sts", { forAssumeRole: true });
  return {
    region,
    ...(endpoint ? { endpoint } : {}),
    requestHandler: await createRequestHandler(tuning.http ?? {}, { wholeAnswer: true }),
    ...(tuning.maxAttempts !== undefined ? { maxAttempts: tuning.maxAttempts } : {}),
    ...(tuning.retryMode !== undefined ? { retryMode: tuning.retryMode } : {}),
  };
}

/**
 * The deadline of one STS call of a connection: `callDeadlineMs` of its `config_kwargs` timeouts and
 * retries (15000 ms with none).
 *
 * @example
 * ```ts
 * stsDeadlineMs(httpAndRetryOptions({ read_timeout: 1, retries: { total_max_attempts: 2 } }, undefined)); // 7000
 * ```
 */
export function stsDeadlineMs(tuning: HttpAndRetryOptions): number {
  return callDeadlineMs({
    connectTimeoutMs: tuning.http?.connectionTimeoutMs,
    requestTimeoutMs: tuning.http?.requestTimeoutMs,
    maxAttempts: tuning.maxAttempts,
  });
}
