import { callDeadlineMs } from "@awsconn/aws-source-common";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsConnectionSettings } from "./AwsConnectionSettings.js";
import { createRequestHandler } from "./createRequestHandler.js";
import type { HttpAndRetryOptions } from "./httpAndRetryOptions.js";
import { serviceEndpoint } from "./serviceEndpoint.js";
import { createSdkStsCaller, type SdkStsCaller } from "./StsCaller.js";

/**
 * The STS caller awsconn uses for a connection (its `AssumeRole`, `AssumeRoleWithWebIdentity` and
 * `awsconn test`'s `GetCallerIdentity`): STS at `service_config.sts.endpoint_url` only, as Airflow;
 * the connection's `verify` and `config_kwargs` (timeouts, pool, retries) on a request handler whose
 * request timeout covers the whole answer (default connect 1 s, request 3 s); each call under the
 * deadline `callDeadlineMs` of those settings (15 s by default).
 *
 * @example
 * ```ts
 * const sts = stsCallerFor(settings, httpAndRetryOptions(settings.configKwargs, settings.verify), { region: "us-east-1", credentials });
 * await sts.getCallerIdentity();
 * ```
 */
export function stsCallerFor(
  settings: AwsConnectionSettings,
  tuning: HttpAndRetryOptions,
  options: { region: string; credentials: AwsCredentialIdentityProvider | AwsCredentialIdentity },
): SdkStsCaller {
  const endpoint = serviceEndpoint(settings, "sts", { forAssumeRole: true });
  return createSdkStsCaller(
    async () => ({
      region: options.region,
      ...(endpoint ? { endpoint } : {}),
      credentials: options.credentials,
      requestHandler: await createRequestHandler(tuning.http ?? {}, { wholeAnswer: true }),
      ...(tuning.maxAttempts !== undefined ? { maxAttempts: tuning.maxAttempts } : {}),
      ...(tuning.retryMode !== undefined ? { retryMode: tuning.retryMode } : {}),
    }),
    { deadlineMs: stsDeadlineMs(tuning) },
  );
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
