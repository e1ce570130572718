/**
 * The `assume_role_method` values Airflow accepts (awsconn resolves the first and the last).
 *
 * @example
 * ```ts
 * AIRFLOW_ASSUME_ROLE_METHODS.includes("assume_role"); // true
 * ```
 */
export const AIRFLOW_ASSUME_ROLE_METHODS = [
  "assume_role",
  "assume_role_with_saml",
  "assume_role_with_web_identity",
] as const;

/**
 * One of {@link AIRFLOW_ASSUME_ROLE_METHODS}.
 *
 * @example
 * ```ts
 * const m: AssumeRoleMethod = "assume_role_with_web_identity";
 * ```
 */
export type AssumeRoleMethod = (typeof AIRFLOW_ASSUME_ROLE_METHODS)[number];

/**
 * An `aws` connection read the way Airflow's `AwsConnectionWrapper` reads it: field for field the
 * wrapper's attributes, camelCased, plus the role session name `BaseSessionFactory` would send.
 * Printing it (`console.log`, `JSON.stringify`) shows `***` for the secret key and session token.
 *
 * @example
 * ```ts
 * const s = readAwsConnection(createConnection({ connId: "x", connType: "aws", extra: { role_arn: "arn:aws:iam::1:role/r" } }));
 * s.assumeRoleMethod; // "assume_role"
 * s.roleSessionName;  // "airflow_x"
 * ```
 */
export interface AwsConnectionSettings {
  /** The connection id. */
  connId: string;
  /** `conn_type`, `aws` when the connection has none. */
  connType: string;
  /** Access key id: `login` when both login and password are set, else `extra.aws_access_key_id`, else `extra.session_kwargs.aws_access_key_id`. */
  accessKeyId?: string;
  /** Secret access key: `password` with `login`, else `extra.aws_secret_access_key`. */
  secretAccessKey?: string;
  /** `extra.aws_session_token` (never refreshed). */
  sessionToken?: string;
  /** Where the keys came from (`session_kwargs`: the deprecated `extra.session_kwargs`). */
  keysFrom?: "login" | "extra" | "session_kwargs";
  /** The explicit region, else `extra.region_name`. */
  regionName?: string;
  /** `extra.endpoint_url`, else the deprecated `extra.host`. */
  endpointUrl?: string;
  /** `extra.profile_name`. */
  profileName?: string;
  /** `extra.role_arn`, else the deprecated `arn:aws:iam::{aws_account_id}:role/{aws_iam_role}`. */
  roleArn?: string;
  /** `extra.assume_role_method` (default `assume_role`); absent when there is no role. */
  assumeRoleMethod?: AssumeRoleMethod;
  /** `extra.assume_role_kwargs`, with the deprecated `extra.external_id` as `ExternalId` when missing. */
  assumeRoleKwargs: Record<string, unknown>;
  /** `RoleSessionName` for STS: Airflow's slug of `Airflow_<conn_id>` unless `assumeRoleKwargs` sets one. */
  roleSessionName: string;
  /** `extra.service_config`: per-service settings keyed by boto3 service name. */
  serviceConfig: Record<string, unknown>;
  /** `extra.verify`: `false`, or a CA bundle path. */
  verify?: boolean | string;
  /** `extra.config_kwargs`: botocore `Config` arguments. */
  configKwargs?: Record<string, unknown>;
  /** The connection's extra, as given. */
  extra: Record<string, unknown>;
  /** Human-readable warnings (deprecated keys, unknown keys, wrong type); never contain a secret. */
  warnings: string[];
}
