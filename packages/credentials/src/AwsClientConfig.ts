import type { RetryMode, SdkClientSettings } from "@awsconn/aws-source-common";
import type { AwsCredentialIdentityProvider } from "@smithy/types";

/**
 * How the credentials are obtained:
 * - `static`: keys from login/password or extra (with the session token, if any);
 * - `assume-role`: `sts:AssumeRole` of `role_arn`, signed with the static keys, the profile or the default chain;
 * - `web-identity`: `sts:AssumeRoleWithWebIdentity` of `role_arn` with a token file;
 * - `profile`: the shared config/credentials profile `profile_name`;
 * - `default-chain`: the SDK's default Node provider chain (the "empty connection").
 *
 * @example
 * ```ts
 * if ((await resolveAwsConfig(connection)).method === "default-chain") console.log("instance profile, env or shared files");
 * ```
 */
export type CredentialMethod = "static" | "assume-role" | "web-identity" | "profile" | "default-chain";

/**
 * AWS SDK v3 client configuration for an `aws` connection. Spread it into any client constructor:
 * `new S3Client({ ...config })` or `new S3Client(config)`. `method`, `warnings` and the role fields are
 * information for people; SDK clients ignore them.
 *
 * @example
 * ```ts
 * const config = await resolveAwsConfig(connection, { service: "s3" });
 * const s3 = new S3Client(config);
 * console.log(config.method, config.warnings);
 * ```
 */
export interface AwsClientConfig extends SdkClientSettings {
  /** The credentials provider (temporary credentials are cached and refreshed 5 minutes before expiry). */
  credentials: AwsCredentialIdentityProvider;
  /** Region: the explicit one, else `extra.region_name`, else `AWS_DEFAULT_REGION` when `AWS_REGION` is unset. */
  region?: string;
  /** Endpoint for the requested service (`service_config.<svc>.endpoint_url`, else `endpoint_url`). */
  endpoint?: string;
  /** `extra.profile_name`, so the SDK also reads that profile's settings (region...). */
  profile?: string;
  /** Total attempts per request, from `config_kwargs.retries`. */
  maxAttempts?: number;
  /** Retry mode, from `config_kwargs.retries.mode`. */
  retryMode?: RetryMode;
  /** HTTP handler built from `verify` and `config_kwargs` timeouts/pool; absent when defaults do. */
  requestHandler?: SdkClientSettings["requestHandler"];
  /** S3 path-style addressing, from `config_kwargs.s3.addressing_style: "path"`. */
  forcePathStyle?: boolean;
  /** From `config_kwargs.use_dualstack_endpoint`. */
  useDualstackEndpoint?: boolean;
  /** From `config_kwargs.use_fips_endpoint`. */
  useFipsEndpoint?: boolean;
  /** From `config_kwargs.user_agent_extra`. */
  customUserAgent?: string;
  /** From `config_kwargs.user_agent_appid`. */
  userAgentAppId?: string;
  /** How the credentials are obtained. */
  method: CredentialMethod;
  /** The assumed role (`assume-role`, `web-identity`). */
  roleArn?: string;
  /** The STS session name (`assume-role`, `web-identity`). */
  roleSessionName?: string;
  /** Warnings about the connection (deprecated or unknown keys...); never contain a secret. */
  warnings: string[];
}
