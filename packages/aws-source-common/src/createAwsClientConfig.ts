import type { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsClientInit } from "./AwsClientInit.js";

/** Default TCP connect timeout of each attempt, ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 1000;
/** Default timeout of each request attempt, ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 3000;
/** Default attempts per call (the SDK's standard retry mode). */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** The credential provider of an assumed role. */
type RoleCredentials = ReturnType<typeof fromTemporaryCredentials>;

/** What {@link createAwsClientConfig} returns: options for any AWS SDK v3 client constructor. */
export interface AwsClientConfig {
  region?: string;
  endpoint?: string;
  /** Set only when `profile` is given and no role is assumed (the role's credentials win). */
  profile?: string;
  /** Assumed-role credentials, set only when `roleArn` is given. */
  credentials?: RoleCredentials;
  maxAttempts: number;
  retryMode: "standard";
  requestHandler: NodeHttpHandler;
}

/**
 * The configuration an AWS source gives its SDK client: a `NodeHttpHandler` with a connect and a
 * request timeout on every attempt (`throwOnRequestTimeout`), the standard retry mode with
 * `maxAttempts`, `region`/`endpoint`/`profile`, and, when `roleArn` is set, credentials of that
 * role assumed through STS (session `awsconn-<sourceName>`, from `profile`'s credentials when
 * given), whose STS calls use the same handler and retries. `@smithy/node-http-handler` and
 * `@aws-sdk/credential-providers` are loaded only now (dynamic `import()`); the SDK client itself
 * stays the source's to import.
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
): Promise<AwsClientConfig> {
  const { NodeHttpHandler } = await import("@smithy/node-http-handler");
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: init.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    requestTimeout: init.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  });
  const maxAttempts = init.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  let credentials: RoleCredentials | undefined;
  if (init.roleArn) {
    const { fromTemporaryCredentials, fromIni } = await import("@aws-sdk/credential-providers");
    credentials = fromTemporaryCredentials({
      params: { RoleArn: init.roleArn, RoleSessionName: `awsconn-${sourceName}` },
      ...(init.profile ? { masterCredentials: fromIni({ profile: init.profile }) } : {}),
      clientConfig: { region: init.region, requestHandler, maxAttempts, retryMode: "standard" },
    });
  }
  return {
    region: init.region,
    endpoint: init.endpoint,
    ...(init.profile && !credentials ? { profile: init.profile } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts,
    retryMode: "standard",
    requestHandler,
  };
}
