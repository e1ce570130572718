import { shellQuote } from "./shellQuote.js";

/** Resolved credentials plus the client settings that go with them. */
export interface ResolvedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  region?: string;
  endpoint?: string;
  /** How they were obtained (`static`, `assume_role`, `profile`, `default_chain`, ...). */
  method?: string;
  /** The service asked for with `--service`. */
  service?: string;
  /** The assumed role, for `assume-role` and `web-identity`. */
  roleArn?: string;
  /** The STS session name (Airflow's `Airflow_<conn_id>` slug). */
  roleSessionName?: string;
}

/** The output formats of `awsconn credentials`. */
export const CREDENTIAL_FORMATS = ["process", "env", "json"] as const;
/** One of {@link CREDENTIAL_FORMATS}. */
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/**
 * The `credential_process` JSON that the AWS CLI and every AWS SDK read: `Version` 1, the keys,
 * and `SessionToken`/`Expiration` for temporary credentials.
 *
 * @example
 * ```ts
 * credentialProcessJson({ accessKeyId: "AKIA...", secretAccessKey: "..." }); // { Version: 1, AccessKeyId, SecretAccessKey }
 * ```
 */
export function credentialProcessJson(c: ResolvedCredentials): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Version: 1,
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
  };
  if (c.sessionToken) out.SessionToken = c.sessionToken;
  if (c.expiration) out.Expiration = c.expiration.toISOString();
  return out;
}

/**
 * `export AWS_...=` lines, each value shell-quoted so `eval "$(awsconn credentials x --format env)"`
 * sets exactly these values. A missing session token becomes `unset AWS_SESSION_TOKEN` so a stale
 * one from the calling shell cannot pair with the new keys.
 *
 * @example
 * ```ts
 * credentialEnvLines({ accessKeyId: "AKIA", secretAccessKey: "s" });
 * // ["export AWS_ACCESS_KEY_ID=AKIA", "export AWS_SECRET_ACCESS_KEY=s", "unset AWS_SESSION_TOKEN"]
 * ```
 */
export function credentialEnvLines(c: ResolvedCredentials): string[] {
  const lines = [
    `export AWS_ACCESS_KEY_ID=${shellQuote(c.accessKeyId)}`,
    `export AWS_SECRET_ACCESS_KEY=${shellQuote(c.secretAccessKey)}`,
  ];
  if (c.sessionToken) lines.push(`export AWS_SESSION_TOKEN=${shellQuote(c.sessionToken)}`);
  else lines.push("unset AWS_SESSION_TOKEN");
  if (c.expiration) lines.push(`export AWS_CREDENTIAL_EXPIRATION=${shellQuote(c.expiration.toISOString())}`);
  if (c.region) {
    lines.push(`export AWS_REGION=${shellQuote(c.region)}`);
    lines.push(`export AWS_DEFAULT_REGION=${shellQuote(c.region)}`);
  }
  if (c.endpoint) lines.push(`export ${endpointVariable(c.service)}=${shellQuote(c.endpoint)}`);
  return lines;
}

/**
 * The SDK's endpoint variable: `AWS_ENDPOINT_URL`, or `AWS_ENDPOINT_URL_<SERVICE>` for one service.
 *
 * @example
 * ```ts
 * endpointVariable("secrets manager"); // "AWS_ENDPOINT_URL_SECRETS_MANAGER"
 * ```
 */
export function endpointVariable(service?: string): string {
  if (!service) return "AWS_ENDPOINT_URL";
  return `AWS_ENDPOINT_URL_${service.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
}

/**
 * The `--format json` object: Airflow's extra key names for the keys and the client settings.
 *
 * @example
 * ```ts
 * credentialJson(c).aws_access_key_id;
 * ```
 */
export function credentialJson(c: ResolvedCredentials): Record<string, unknown> {
  return {
    aws_access_key_id: c.accessKeyId,
    aws_secret_access_key: c.secretAccessKey,
    aws_session_token: c.sessionToken ?? null,
    expiration: c.expiration?.toISOString() ?? null,
    region_name: c.region ?? null,
    endpoint_url: c.endpoint ?? null,
    service: c.service ?? null,
    method: c.method ?? null,
    ...(c.roleArn ? { role_arn: c.roleArn, role_session_name: c.roleSessionName ?? null } : {}),
  };
}
