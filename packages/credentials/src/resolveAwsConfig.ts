import { type Connection, ConnectionFormatError } from "@awsconn/core";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsClientConfig, CredentialMethod } from "./AwsClientConfig.js";
import type { AwsConnectionSettings } from "./AwsConnectionSettings.js";
import { createRequestHandler } from "./createRequestHandler.js";
import { fromAssumeRole } from "./fromAssumeRole.js";
import { fromWebIdentity } from "./fromWebIdentity.js";
import { type HttpAndRetryOptions, httpAndRetryOptions } from "./httpAndRetryOptions.js";
import { memoizeCredentials } from "./memoizeCredentials.js";
import { readAwsConnection } from "./readAwsConnection.js";
import { fromDefaultChain } from "./fromDefaultChain.js";
import { fromProfile } from "./fromProfile.js";
import { serviceEndpoint } from "./serviceEndpoint.js";
import type { StsCaller } from "./StsCaller.js";
import { stsClientConfig, stsDeadlineMs } from "./stsClientConfig.js";

/**
 * Options of {@link resolveAwsConfig}.
 *
 * @example
 * ```ts
 * const options: ResolveAwsConfigOptions = { service: "s3", region: "eu-west-1" };
 * ```
 */
export interface ResolveAwsConfigOptions {
  /** boto3 service name (`s3`, `sts`, `secretsmanager`...) whose `service_config` endpoint applies. */
  service?: string;
  /** A region that wins over `extra.region_name`. */
  region?: string;
  /**
   * Answers the STS calls for `role_arn` in place of the network (tests); default: the SDK's own
   * providers' STS client, created on first use.
   */
  sts?: StsCaller;
  /** The clock the credentials cache uses (ms since the epoch). Default `Date.now`. */
  now?: () => number;
  /** Refresh temporary credentials this many ms before expiry. Default 300000 (5 minutes). */
  refreshWindowMs?: number;
  /** Environment for `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_REGION`, `AWS_DEFAULT_REGION`. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

/**
 * Turns an Airflow `aws` connection into AWS SDK v3 client configuration, following the Amazon
 * provider's `AwsConnectionWrapper` and `BaseSessionFactory`. Which credentials:
 *
 * 1. `role_arn` (or the deprecated `aws_account_id` + `aws_iam_role`): STS `AssumeRole` (or
 *    `AssumeRoleWithWebIdentity` with `assume_role_method: assume_role_with_web_identity`), signed with
 *    the credentials of rules 2-4; STS is reached at `service_config.sts.endpoint_url` only;
 * 2. keys (`login`/`password`, else `extra.aws_access_key_id`/`aws_secret_access_key`, plus
 *    `extra.aws_session_token`): used as they are;
 * 3. `extra.profile_name`: the shared config/credentials profile;
 * 4. nothing: the SDK's default Node provider chain.
 *
 * Nothing is fetched here: the returned `credentials` provider calls STS (or the chain) on first use,
 * shares one call among concurrent callers and refreshes 5 minutes before expiry. Roles go through
 * the SDK's own providers (`fromTemporaryCredentials`, `fromWebToken`), memoized with the SDK's
 * `memoize` ({@link memoizeCredentials}); only Airflow's request and awsconn's messages are ours.
 *
 * Throws `ConnectionFormatError` for a connection that cannot work (half a key pair, an unknown or
 * unsupported `assume_role_method`, a web identity role without a token file) and `ConfigError` for an
 * unreadable CA bundle. The provider rejects with `SourceError` (STS failure: naming the role ARN, never a key).
 *
 * @example
 * ```ts
 * const config = await resolveAwsConfig(connection, { service: "s3" });
 * const s3 = new S3Client(config);
 * ```
 */
export async function resolveAwsConfig(
  connection: Connection,
  options: ResolveAwsConfigOptions = {},
): Promise<AwsClientConfig> {
  const env = options.env ?? process.env;
  const settings = readAwsConnection(connection, options.region ? { region: options.region } : {});
  const prefix = `aws connection "${settings.connId}": `;
  let tuning: HttpAndRetryOptions;
  try {
    tuning = httpAndRetryOptions(settings.configKwargs, settings.verify);
  } catch (error) {
    if (error instanceof ConnectionFormatError) throw new ConnectionFormatError(prefix + error.reason);
    throw error;
  }
  const warnings = [...settings.warnings, ...tuning.warnings];
  const region = settings.regionName ?? (env.AWS_REGION ? undefined : env.AWS_DEFAULT_REGION || undefined);
  const memo = {
    ...(options.now ? { now: options.now } : {}),
    ...(options.refreshWindowMs !== undefined ? { refreshWindowMs: options.refreshWindowMs } : {}),
  };

  const base = baseCredentials(settings, region, memo);
  let credentials = base.credentials;
  let method: CredentialMethod = base.method;

  if (settings.roleArn) {
    method = settings.assumeRoleMethod === "assume_role_with_web_identity" ? "web-identity" : "assume-role";
    if (settings.assumeRoleMethod === "assume_role_with_saml") {
      throw new ConnectionFormatError(
        `${prefix}assume_role_method "assume_role_with_saml" is not supported by awsconn (it needs Airflow's Kerberos IdP login); use assume_role or assume_role_with_web_identity`,
      );
    }
    const role = {
      roleArn: settings.roleArn,
      roleSessionName: settings.roleSessionName,
      assumeRoleKwargs: settings.assumeRoleKwargs,
      clientConfig: () => stsClientConfig(settings, tuning, region ?? env.AWS_REGION ?? "us-east-1"),
      deadlineMs: stsDeadlineMs(tuning),
      ...(options.sts ? { sts: options.sts } : {}),
      secrets: [settings.accessKeyId, settings.secretAccessKey, settings.sessionToken],
    };
    const provider =
      method === "web-identity"
        ? fromWebIdentity({ ...role, tokenFile: webIdentityTokenFile(settings, env, prefix) })
        : fromAssumeRole({ ...role, masterCredentials: base.credentials });
    credentials = memoizeCredentials(provider, memo);
  }

  const config: AwsClientConfig = { credentials, method, warnings };
  if (region) config.region = region;
  const endpoint = serviceEndpoint(settings, options.service);
  if (endpoint) config.endpoint = endpoint;
  if (settings.profileName) config.profile = settings.profileName;
  if (tuning.http) config.requestHandler = await createRequestHandler(tuning.http);
  Object.assign(
    config,
    optional("maxAttempts", tuning.maxAttempts),
    optional("retryMode", tuning.retryMode),
    optional("forcePathStyle", tuning.forcePathStyle),
    optional("useDualstackEndpoint", tuning.useDualstackEndpoint),
    optional("useFipsEndpoint", tuning.useFipsEndpoint),
    optional("customUserAgent", tuning.customUserAgent),
    optional("userAgentAppId", tuning.userAgentAppId),
  );
  if (settings.roleArn) {
    config.roleArn = settings.roleArn;
    config.roleSessionName = settings.roleSessionName;
  }
  return config;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function baseCredentials(
  settings: AwsConnectionSettings,
  region: string | undefined,
  memo: { now?: () => number; refreshWindowMs?: number },
): { credentials: AwsCredentialIdentityProvider; method: CredentialMethod } {
  const prefix = `aws connection "${settings.connId}": `;
  const { accessKeyId, secretAccessKey, sessionToken } = settings;
  if (accessKeyId && secretAccessKey) {
    const identity: AwsCredentialIdentity = {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
    };
    return { credentials: async () => identity, method: "static" };
  }
  if (accessKeyId || secretAccessKey) {
    const missing = accessKeyId ? "aws_secret_access_key (or password)" : "aws_access_key_id (or login)";
    throw new ConnectionFormatError(`${prefix}half a key pair: ${missing} is missing`);
  }
  if (sessionToken) {
    throw new ConnectionFormatError(
      `${prefix}aws_session_token is set without an access key id and secret key`,
    );
  }
  const clientConfig = region ? { region } : {};
  if (settings.profileName) {
    return {
      credentials: memoizeCredentials(fromProfile(settings.profileName, clientConfig), memo),
      method: "profile",
    };
  }
  return { credentials: memoizeCredentials(fromDefaultChain(clientConfig), memo), method: "default-chain" };
}

function webIdentityTokenFile(
  settings: AwsConnectionSettings,
  env: Record<string, string | undefined>,
  prefix: string,
): string {
  const federation = settings.extra.assume_role_with_web_identity_federation;
  if (federation === "google") {
    throw new ConnectionFormatError(
      `${prefix}assume_role_with_web_identity_federation "google" is not supported by awsconn (it needs Google's ID token libraries); write the token to a file and use the "file" federation`,
    );
  }
  if (federation !== undefined && federation !== null && federation !== "file") {
    throw new ConnectionFormatError(
      `${prefix}unsupported assume_role_with_web_identity_federation ${JSON.stringify(String(federation))}; use "file"`,
    );
  }
  const file = settings.extra.assume_role_with_web_identity_token_file;
  if (typeof file === "string" && file) return file;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return env.AWS_WEB_IDENTITY_TOKEN_FILE;
  throw new ConnectionFormatError(
    `${prefix}assume_role_with_web_identity needs a token file: set extra.assume_role_with_web_identity_token_file or AWS_WEB_IDENTITY_TOKEN_FILE`,
  );
}
