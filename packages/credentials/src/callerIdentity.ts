import { createRequire } from "node:module";
import { toSourceError, withDeadline } from "@awsconn/aws-source-common";
import { type Connection, ConnectionFormatError } from "@awsconn/core";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { type HttpAndRetryOptions, httpAndRetryOptions } from "./httpAndRetryOptions.js";
import { readAwsConnection } from "./readAwsConnection.js";
import { stsClientConfig, stsDeadlineMs } from "./stsClientConfig.js";

const requireHere = createRequire(import.meta.url);

/**
 * Who an `aws` connection's credentials are, as STS `GetCallerIdentity` answers.
 *
 * @example
 * ```ts
 * const who: CallerIdentity = { account: "123456789012", arn: "arn:aws:iam::123456789012:user/etl", userId: "AIDA..." };
 * ```
 */
export interface CallerIdentity {
  account?: string;
  arn?: string;
  userId?: string;
}

/** Options of {@link callerIdentity}. */
export interface CallerIdentityOptions {
  /** The connection's credentials (`resolveAwsConfig(...).credentials`). */
  credentials: AwsCredentialIdentityProvider;
  /** The region STS is signed for. */
  region: string;
}

/**
 * Airflow's `test_connection` for AWS: STS `GetCallerIdentity` with the connection's credentials, on
 * the STS client awsconn uses for the connection's own STS calls (`service_config.sts.endpoint_url`
 * only, `verify` and `config_kwargs`, a request timeout over the whole answer and a deadline per
 * call). Resolving the credentials is bounded by the same deadline. Failures are `SourceError`
 * (source `sts`), never quoting a key.
 *
 * @example
 * ```ts
 * const config = await resolveAwsConfig(connection);
 * const { arn } = await callerIdentity(connection, { credentials: config.credentials, region: "us-east-1" });
 * ```
 */
export async function callerIdentity(
  connection: Connection,
  options: CallerIdentityOptions,
): Promise<CallerIdentity> {
  const settings = readAwsConnection(connection);
  let tuning: HttpAndRetryOptions;
  try {
    tuning = httpAndRetryOptions(settings.configKwargs, settings.verify);
  } catch (error) {
    if (error instanceof ConnectionFormatError) {
      throw new ConnectionFormatError(`aws connection "${settings.connId}": ${error.reason}`);
    }
    throw error;
  }
  let secrets: string[] = [];
  const deadlineMs = stsDeadlineMs(tuning);
  try {
    const identity = await withDeadline(deadlineMs, undefined, () => options.credentials());
    secrets = [identity.secretAccessKey, identity.sessionToken ?? ""];
    const [config, { STSClient, GetCallerIdentityCommand }] = await Promise.all([
      stsClientConfig(settings, tuning, options.region),
      (typeof require === "function"
        ? require("@aws-sdk/client-sts")
        : requireHere("@aws-sdk/client-sts")) as typeof import("@aws-sdk/client-sts"),
    ]);
    const sts = new STSClient({ ...config, credentials: identity });
    const who = await withDeadline(deadlineMs, undefined, (abortSignal) =>
      sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    return {
      ...(who.Account ? { account: who.Account } : {}),
      ...(who.Arn ? { arn: who.Arn } : {}),
      ...(who.UserId ? { userId: who.UserId } : {}),
    };
  } catch (error) {
    throw await toSourceError(error, { source: "sts", what: "GetCallerIdentity", secrets });
  }
}
