/**
 * Every extra key the Airflow Amazon provider reads from an `aws` connection (current and deprecated),
 * so that anything else can be reported as unknown with the nearest known key. Here, not in
 * @awsconn/credentials which reads them, so that the facade can check Airflow's settings without
 * loading that package (issue 17: every module is start-up time).
 *
 * @example
 * ```ts
 * KNOWN_EXTRA_KEYS.includes("region_name"); // true
 * ```
 */
export const KNOWN_EXTRA_KEYS: readonly string[] = [
  "aws_access_key_id",
  "aws_secret_access_key",
  "aws_session_token",
  "region_name",
  "endpoint_url",
  "service_config",
  "profile_name",
  "role_arn",
  "assume_role_method",
  "assume_role_kwargs",
  "assume_role_with_web_identity_token_file",
  "assume_role_with_web_identity_federation",
  "assume_role_with_web_identity_federation_audience",
  "assume_role_with_saml",
  "verify",
  "config_kwargs",
  // deprecated in Airflow, still understood (with a warning) by awsconn
  "host",
  "aws_account_id",
  "aws_iam_role",
  "external_id",
  "session_kwargs",
  // deprecated and no longer read by Airflow; awsconn warns about them
  "s3_config_file",
  "s3_config_format",
  "profile",
];
