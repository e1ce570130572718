import { readFile } from "node:fs/promises";
import { type SdkClientSettings, toSourceError } from "@awsconn/aws-source-common";
import { redactForeignError, SourceError } from "@awsconn/core";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { answerStsWith } from "./answerStsWith.js";
import { lazyProvider } from "./lazyProvider.js";
import type { StsCaller } from "./StsCaller.js";

/**
 * Options of {@link fromWebIdentity}.
 *
 * @example
 * ```ts
 * const init: WebIdentityInit = { roleArn, roleSessionName: "airflow_x", tokenFile: "/var/run/secrets/token", clientConfig };
 * ```
 */
export interface WebIdentityInit {
  /** The role to assume. It always wins over a `RoleArn` in `assumeRoleKwargs`. */
  roleArn: string;
  /** Default `RoleSessionName`; a `RoleSessionName` in `assumeRoleKwargs` wins. */
  roleSessionName: string;
  /** More `AssumeRoleWithWebIdentity` parameters (`DurationSeconds`, `Policy`, `PolicyArns`, `ProviderId`). */
  assumeRoleKwargs?: Record<string, unknown>;
  /** The file holding the OIDC token; read anew on every call, since such tokens rotate. */
  tokenFile: string;
  /** The STS client's settings, asked for once, at the first call (this call is not signed). */
  clientConfig: () => Promise<SdkClientSettings>;
  /** Answers the STS calls in place of the network (tests); see {@link StsCaller}. */
  sts?: StsCaller;
  /** Each call (token file and STS attempts) ends within this many ms. */
  deadlineMs?: number;
  /** Values that must never appear in an error message; they are replaced by `***`. */
  secrets?: readonly (string | undefined)[];
}

/**
 * Airflow's `assume_role_with_web_identity` method with the `file` federation, on the SDK's
 * `fromWebToken` (loaded on first use): the token file is read (and trimmed) on every call, then
 * `sts:AssumeRoleWithWebIdentity` with `{ RoleSessionName, ...assume_role_kwargs, RoleArn }`. A
 * token file that cannot be read is a `SourceError` (source `web-identity`) naming the file; an STS
 * failure a `SourceError` (source `sts`) naming the role. The token never appears in an error. Wrap
 * it in {@link memoizeCredentials}.
 *
 * @example
 * ```ts
 * const provider = fromWebIdentity({ roleArn, roleSessionName: "airflow_x", tokenFile: "/var/run/secrets/token", clientConfig });
 * ```
 */
export function fromWebIdentity(init: WebIdentityInit): AwsCredentialIdentityProvider {
  const what = `AssumeRoleWithWebIdentity for ${init.roleArn}`;
  const kw = (init.assumeRoleKwargs ?? {}) as {
    RoleSessionName?: string;
    DurationSeconds?: number;
    Policy?: string;
    PolicyArns?: { arn?: string }[];
    ProviderId?: string;
  };
  const request = {
    roleArn: init.roleArn,
    roleSessionName: kw.RoleSessionName ?? init.roleSessionName,
    ...(kw.DurationSeconds !== undefined ? { durationSeconds: kw.DurationSeconds } : {}),
    ...(kw.Policy !== undefined ? { policy: kw.Policy } : {}),
    ...(kw.PolicyArns !== undefined ? { policyArns: kw.PolicyArns } : {}),
    ...(kw.ProviderId !== undefined ? { providerId: kw.ProviderId } : {}),
    ...(init.sts ? { clientPlugins: [answerStsWith(init.sts)] } : {}),
  };
  return lazyProvider(
    async (m) => {
      const clientConfig = await init.clientConfig();
      return async (properties) => {
        const webIdentityToken = await readToken(init.tokenFile);
        try {
          return await m.fromWebToken({ ...request, webIdentityToken, clientConfig })(properties);
        } catch (error) {
          const secrets = [webIdentityToken, ...(init.secrets ?? [])];
          throw await toSourceError(error, { source: "sts", what, secrets });
        }
      };
    },
    "sts",
    what,
    init.deadlineMs !== undefined ? { deadlineMs: init.deadlineMs } : {},
  );
}

async function readToken(file: string): Promise<string> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new SourceError(`cannot read the web identity token file "${file}" (${code})`, {
      source: "web-identity",
      cause: redactForeignError(error),
    });
  }
}
