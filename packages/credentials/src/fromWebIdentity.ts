import { readFile } from "node:fs/promises";
import { SourceError } from "@awsconn/core";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import type { StsCaller } from "./StsCaller.js";
import { stsCredentials } from "./stsCredentials.js";
import { toSourceError } from "@awsconn/aws-source-common";

/**
 * Options of {@link fromWebIdentity}.
 *
 * @example
 * ```ts
 * const init: WebIdentityInit = { roleArn, roleSessionName: "airflow_x", tokenFile: "/var/run/secrets/token", sts };
 * ```
 */
export interface WebIdentityInit {
  /** The role to assume. It always wins over a `RoleArn` in `assumeRoleKwargs`. */
  roleArn: string;
  /** Default `RoleSessionName`; a `RoleSessionName` in `assumeRoleKwargs` wins. */
  roleSessionName: string;
  /** More `AssumeRoleWithWebIdentity` parameters (`DurationSeconds`, `Policy`, `ProviderId`...). */
  assumeRoleKwargs?: Record<string, unknown>;
  /** The file holding the OIDC token; read anew on every call, since such tokens rotate. */
  tokenFile: string;
  /** Makes the STS call (this one is not signed). */
  sts: StsCaller;
  /** Values that must never appear in an error message; they are replaced by `***`. */
  secrets?: readonly (string | undefined)[];
}

/**
 * A provider that reads the token file and calls `sts:AssumeRoleWithWebIdentity`, as Airflow's
 * `assume_role_with_web_identity` method with the `file` federation. A token file that cannot be read
 * is a `SourceError` (source `web-identity`) naming the file; an STS failure a `SourceError` (source
 * `sts`) naming the role. The token never appears in an error. Wrap it in {@link memoizeCredentials}.
 *
 * @example
 * ```ts
 * const provider = fromWebIdentity({ roleArn, roleSessionName: "airflow_x", tokenFile: "/var/run/secrets/token", sts });
 * ```
 */
export function fromWebIdentity(init: WebIdentityInit): AwsCredentialIdentityProvider {
  const what = `AssumeRoleWithWebIdentity for ${init.roleArn}`;
  return async () => {
    let token: string;
    try {
      token = (await readFile(init.tokenFile, "utf8")).trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new SourceError(`cannot read the web identity token file "${init.tokenFile}" (${code})`, {
        source: "web-identity",
        cause: error,
      });
    }
    const input = {
      RoleSessionName: init.roleSessionName,
      ...init.assumeRoleKwargs,
      RoleArn: init.roleArn,
      WebIdentityToken: token,
    };
    let output: Awaited<ReturnType<StsCaller["assumeRoleWithWebIdentity"]>>;
    try {
      output = await init.sts.assumeRoleWithWebIdentity(input);
    } catch (error) {
      throw await toSourceError(error, { source: "sts", what, secrets: [token, ...(init.secrets ?? [])] });
    }
    return stsCredentials(output, what);
  };
}
