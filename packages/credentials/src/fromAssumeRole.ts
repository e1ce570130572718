import type { AwsCredentialIdentityProvider } from "@smithy/types";
import type { StsCaller } from "./StsCaller.js";
import { stsCredentials } from "./stsCredentials.js";
import { toSourceError } from "@awsconn/aws-source-common";

/**
 * Options of {@link fromAssumeRole}.
 *
 * @example
 * ```ts
 * const init: AssumeRoleInit = { roleArn: "arn:aws:iam::123456789012:role/etl", roleSessionName: "airflow_x", assumeRoleKwargs: { DurationSeconds: 900 }, sts };
 * ```
 */
export interface AssumeRoleInit {
  /** The role to assume. It always wins over a `RoleArn` in `assumeRoleKwargs`. */
  roleArn: string;
  /** Default `RoleSessionName`; a `RoleSessionName` in `assumeRoleKwargs` wins. */
  roleSessionName: string;
  /** More `AssumeRole` parameters (`ExternalId`, `DurationSeconds`, `Policy`, `Tags`...). */
  assumeRoleKwargs?: Record<string, unknown>;
  /** Makes the STS call (signed with the source credentials). */
  sts: StsCaller;
  /** Values that must never appear in an error message (the source keys); they are replaced by `***`. */
  secrets?: readonly (string | undefined)[];
}

/**
 * A provider that calls `sts:AssumeRole` each time it is called, as Airflow's
 * `BaseSessionFactory._assume_role`: `{ RoleSessionName, ...assume_role_kwargs, RoleArn }`.
 * Failures become `SourceError` (source `sts`) naming the role ARN. Wrap it in {@link memoizeCredentials}.
 *
 * @example
 * ```ts
 * const provider = fromAssumeRole({ roleArn, roleSessionName: "airflow_aws_default", sts: createSdkStsCaller({ region }) });
 * const { accessKeyId, expiration } = await provider();
 * ```
 */
export function fromAssumeRole(init: AssumeRoleInit): AwsCredentialIdentityProvider {
  return async () => {
    const input = { RoleSessionName: init.roleSessionName, ...init.assumeRoleKwargs, RoleArn: init.roleArn };
    let output: Awaited<ReturnType<StsCaller["assumeRole"]>>;
    try {
      output = await init.sts.assumeRole(input);
    } catch (error) {
      throw await toSourceError(error, {
        source: "sts",
        what: `AssumeRole for ${init.roleArn}`,
        ...(init.secrets ? { secrets: init.secrets } : {}),
      });
    }
    return stsCredentials(output, `AssumeRole for ${init.roleArn}`);
  };
}
