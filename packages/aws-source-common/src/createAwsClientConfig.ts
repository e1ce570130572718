import type { AwsCredentialIdentityProvider } from "@smithy/types";
import type { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsClientInit } from "./AwsClientInit.js";
import {
  DEFAULT_MAX_ATTEMPTS,
  type RetryMode,
  SOURCE_MIN_SEND_RATE,
  SOURCE_RETRY_MODE,
} from "./clientDefaults.js";
import { createBoundedHttpHandler } from "./createBoundedHttpHandler.js";
import { loadCredentialProviders, loadRetry } from "./sdkModules.js";
import type { SdkClientSettings } from "./SdkClientSettings.js";

/** The credential provider of an assumed role, or of one shared-config profile. */
type SourceCredentials = ReturnType<typeof fromTemporaryCredentials> | ReturnType<typeof fromIni>;

/** What {@link createAwsClientConfig} returns: options for any AWS SDK v3 client constructor. */
export interface AwsClientConfig extends SdkClientSettings {
  /** Set only when `profile` is given and no role is assumed (the SDK then also reads its region). */
  profile?: string;
  /**
   * Assumed-role credentials when `roleArn` is given; else the credentials of the profile (`profile`,
   * else `AWS_PROFILE`) when there is one; else unset (the SDK's default chain).
   */
  credentials?: SourceCredentials | AwsCredentialIdentityProvider;
  maxAttempts: number;
  /** {@link SOURCE_RETRY_MODE}: `adaptive`. */
  retryMode: RetryMode;
  /**
   * The SDK's `AdaptiveRetryStrategy` with `maxAttempts`, its standard jittered backoff and a rate
   * limiter whose floor is {@link SOURCE_MIN_SEND_RATE}; one per client, so each source paces itself.
   */
  retryStrategy: InstanceType<typeof import("@smithy/core/retry").AdaptiveRetryStrategy>;
  requestHandler: NodeHttpHandler;
  /**
   * `true`: the client resolves its middleware stack once per command class, not on every call
   * (calls without options; {@link sendWithin}). Nothing awsconn does changes the stack later.
   */
  cacheMiddleware: true;
}

/**
 * The configuration an AWS source gives its SDK client:
 *
 * - a request handler ({@link createBoundedHttpHandler}) whose request timeout bounds each attempt
 *   from start to finish (connect, headers and the whole body), with a connect timeout of its own;
 * - the adaptive retry mode ({@link SOURCE_RETRY_MODE}: the SDK's `AdaptiveRetryStrategy`, jittered
 *   exponential backoff plus a client-side token bucket that slows the client down while it is
 *   throttled, floor {@link SOURCE_MIN_SEND_RATE} calls a second) with `maxAttempts`; `region`,
 *   `endpoint`; the STS client of `roleArn` keeps the standard mode (its calls are rare);
 * - credentials: with `roleArn`, that role assumed through STS (session `awsconn-<sourceName>`,
 *   signed with the profile's credentials when there is one), whose STS calls use the same handler
 *   and retries; else, when a profile is named (`profile`, else the `AWS_PROFILE` variable), that
 *   profile alone (`fromIni`, as botocore reads a named profile); else the SDK's default chain. A
 *   named profile is read by `fromIni` only because the SDK's default chain would run its
 *   `credential_process` twice (`fromIni`, then `fromProcess`) when it fails, and would then go on to
 *   instance metadata: with a profile that runs `awsconn credentials`, that doubled each level of a
 *   loop. A failed `credential_process` reads `profile "<name>": credential_process failed: <its
 *   stderr>` (the command line, which can be long, is left out).
 *
 * `@smithy/node-http-handler` and `@aws-sdk/credential-providers` are loaded only now (dynamic
 * `import()`); the SDK client itself stays the source's to import.
 *
 * @example
 * ```ts
 * const { SSMClient } = await import("@aws-sdk/client-ssm");
 * const client = new SSMClient(await createAwsClientConfig({ region: "eu-west-1" }, "ssm"));
 * ```
 */
export async function createAwsClientConfig(
  init: AwsClientInit,
  sourceName: string,
  env: Record<string, string | undefined> = process.env,
): Promise<AwsClientConfig> {
  const given = init.clientSettings ?? {};
  const requestHandler =
    given.requestHandler ??
    (await createBoundedHttpHandler({
      ...(init.connectTimeoutMs !== undefined ? { connectTimeoutMs: init.connectTimeoutMs } : {}),
      ...(init.requestTimeoutMs !== undefined ? { requestTimeoutMs: init.requestTimeoutMs } : {}),
    }));
  const retryMode = SOURCE_RETRY_MODE;
  const { AdaptiveRetryStrategy, DefaultRateLimiter } = await loadRetry();
  const maxAttempts = given.maxAttempts ?? init.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const profile = init.profile ?? (env.AWS_PROFILE || undefined);
  let credentials: AwsCredentialIdentityProvider | undefined = given.credentials;
  if (!credentials && (init.roleArn || profile)) {
    const { fromTemporaryCredentials, fromIni } = await loadCredentialProviders();
    const ofProfile = profile ? withShortProcessErrors(fromIni({ profile }), profile) : undefined;
    credentials = init.roleArn
      ? fromTemporaryCredentials({
          params: { RoleArn: init.roleArn, RoleSessionName: `awsconn-${sourceName}` },
          ...(ofProfile ? { masterCredentials: ofProfile } : {}),
          clientConfig: { region: init.region, requestHandler, maxAttempts, retryMode: "standard" },
        })
      : ofProfile;
  }
  return {
    region: given.region ?? init.region,
    endpoint: given.endpoint ?? init.endpoint,
    ...(given.profile ? { profile: given.profile } : {}),
    ...(init.profile && !init.roleArn && !given.credentials ? { profile: init.profile } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts,
    retryMode,
    retryStrategy: new AdaptiveRetryStrategy(async () => maxAttempts, {
      maxAttempts,
      rateLimiter: new DefaultRateLimiter({ minFillRate: SOURCE_MIN_SEND_RATE }),
    }),
    requestHandler,
    cacheMiddleware: true,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The profile's provider, with a failed `credential_process` (Node's "Command failed: <command>\n<stderr>")
 * reported as `profile "<name>": credential_process failed: <stderr>`, so what the process said is
 * not cut off behind a long command line.
 */
function withShortProcessErrors(
  provider: ReturnType<typeof fromIni>,
  profile: string,
): ReturnType<typeof fromIni> {
  return async (properties) => {
    try {
      return await provider(properties);
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      if (!message.startsWith("Command failed: ")) throw error;
      const said = message.slice(message.indexOf("\n") + 1).trim() || "(nothing on stderr)";
      throw Object.assign(new Error(`profile "${profile}": credential_process failed: ${said}`), {
        name: (error as Error).name,
      });
    }
  };
}
