import type { SdkClientSettings } from "@awsconn/aws-source-common";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { answerStsWith } from "./answerStsWith.js";
import { lazyProvider } from "./lazyProvider.js";
import type { StsCaller } from "./StsCaller.js";

/**
 * Options of {@link fromAssumeRole}.
 *
 * @example
 * ```ts
 * const init: AssumeRoleInit = { roleArn: "arn:aws:iam::123456789012:role/etl", roleSessionName: "airflow_x", assumeRoleKwargs: { DurationSeconds: 900 }, masterCredentials, clientConfig: async () => ({ region: "us-east-1" }) };
 * ```
 */
export interface AssumeRoleInit {
  /** The role to assume. It always wins over a `RoleArn` in `assumeRoleKwargs`. */
  roleArn: string;
  /** Default `RoleSessionName`; a `RoleSessionName` in `assumeRoleKwargs` wins. */
  roleSessionName: string;
  /** More `AssumeRole` parameters (`ExternalId`, `DurationSeconds`, `Policy`, `Tags`...). */
  assumeRoleKwargs?: Record<string, unknown>;
  /** The credentials that sign the call (static keys, a profile, the default chain). */
  masterCredentials: AwsCredentialIdentityProvider;
  /** The STS client's settings, asked for once, at the first call. */
  clientConfig: () => Promise<SdkClientSettings>;
  /** Answers the STS calls in place of the network (tests); see {@link StsCaller}. */
  sts?: StsCaller;
  /** Each call (source credentials and STS attempts) ends within this many ms. */
  deadlineMs?: number;
  /** Values that must never appear in an error message (the source keys); they are replaced by `***`. */
  secrets?: readonly (string | undefined)[];
}

/**
 * The SDK's `fromTemporaryCredentials` (loaded on first use) with Airflow's request, as
 * `BaseSessionFactory._assume_role` makes it: `{ RoleSessionName, ...assume_role_kwargs, RoleArn }`.
 * Each call asks STS; wrap it in {@link memoizeCredentials}. Failures become `SourceError` (source
 * `sts`) naming the role ARN, never a key.
 *
 * @example
 * ```ts
 * const provider = fromAssumeRole({ roleArn, roleSessionName: "airflow_aws_default", masterCredentials, clientConfig });
 * const { accessKeyId, expiration } = await provider();
 * ```
 */
export function fromAssumeRole(init: AssumeRoleInit): AwsCredentialIdentityProvider {
  const params = { RoleSessionName: init.roleSessionName, ...init.assumeRoleKwargs, RoleArn: init.roleArn };
  return lazyProvider(
    async (m) =>
      m.fromTemporaryCredentials({
        params,
        masterCredentials: init.masterCredentials,
        clientConfig: await init.clientConfig(),
        ...(init.sts ? { clientPlugins: [answerStsWith(init.sts)] } : {}),
      }),
    "sts",
    `AssumeRole for ${init.roleArn}`,
    {
      ...(init.secrets ? { secrets: init.secrets } : {}),
      ...(init.deadlineMs !== undefined ? { deadlineMs: init.deadlineMs } : {}),
    },
  );
}
