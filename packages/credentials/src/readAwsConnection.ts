import {
  closestMatch,
  type Connection,
  ConnectionFormatError,
  KNOWN_EXTRA_KEYS,
  REDACTED,
  redactExtra,
} from "@awsconn/core";
import {
  AIRFLOW_ASSUME_ROLE_METHODS,
  type AssumeRoleMethod,
  type AwsConnectionSettings,
} from "./AwsConnectionSettings.js";
import { describe, extraObject, extraString } from "./extraValue.js";
import { roleSessionName } from "./roleSessionName.js";

/**
 * Options of {@link readAwsConnection}.
 *
 * @example
 * ```ts
 * readAwsConnection(connection, { region: "eu-west-1" }).regionName; // "eu-west-1"
 * ```
 */
export interface ReadAwsConnectionOptions {
  /** A region that wins over `extra.region_name` (Airflow: the hook's `region_name`). */
  region?: string;
}

/**
 * Reads an `aws` connection exactly as Airflow's `AwsConnectionWrapper` does (plus the deprecated keys
 * older providers understood, each with a warning), without touching the network or the SDK.
 *
 * Throws `ConnectionFormatError` for a value of the wrong shape and for an `assume_role_method`
 * Airflow does not know.
 *
 * @example
 * ```ts
 * const s = readAwsConnection(createConnection({ connId: "aws_default", connType: "aws", extra: { region: "eu-west-1" } }));
 * s.warnings; // ['unknown extra key "region" is ignored; did you mean "region_name"?']
 * ```
 */
export function readAwsConnection(
  connection: Connection,
  options: ReadAwsConnectionOptions = {},
): AwsConnectionSettings {
  try {
    return read(connection, options);
  } catch (error) {
    if (error instanceof ConnectionFormatError) {
      throw new ConnectionFormatError(`aws connection "${connection.connId}": ${error.reason}`);
    }
    throw error;
  }
}

function read(connection: Connection, options: ReadAwsConnectionOptions): AwsConnectionSettings {
  const extra = connection.extra ?? {};
  const warnings: string[] = [];
  const connType = connection.connType || "aws";
  if (connType !== "aws") {
    warnings.push(
      `expected connection type 'aws', got '${connType}'; this connection might not work correctly`,
    );
  }

  const settings: AwsConnectionSettings = {
    connId: connection.connId,
    connType,
    assumeRoleKwargs: {},
    roleSessionName: roleSessionName(connection.connId),
    serviceConfig: extraObject(extra, "service_config") ?? {},
    extra,
    warnings,
  };

  // Keys: login/password, then the extra keys, then the deprecated extra.session_kwargs (Airflow's _get_credentials).
  const extraKeyId = extraString(extra, "aws_access_key_id");
  const extraSecret = extraString(extra, "aws_secret_access_key");
  const sessionKwargs = extraObject(extra, "session_kwargs") ?? {};
  const legacyKeyId = extraString(sessionKwargs, "aws_access_key_id");
  const legacySecret = extraString(sessionKwargs, "aws_secret_access_key");
  if (connection.login && connection.password) {
    settings.accessKeyId = connection.login;
    settings.secretAccessKey = connection.password;
    settings.keysFrom = "login";
  } else if (extraKeyId && extraSecret) {
    settings.accessKeyId = extraKeyId;
    settings.secretAccessKey = extraSecret;
    settings.keysFrom = "extra";
  } else if (legacyKeyId && legacySecret) {
    settings.accessKeyId = legacyKeyId;
    settings.secretAccessKey = legacySecret;
    settings.keysFrom = "session_kwargs";
  } else {
    // Airflow keeps a partial pair as it is (boto3 then fails); resolveAwsConfig refuses it.
    if (extraKeyId !== undefined) settings.accessKeyId = extraKeyId;
    if (extraSecret !== undefined) settings.secretAccessKey = extraSecret;
    if (extraKeyId !== undefined || extraSecret !== undefined) settings.keysFrom = "extra";
  }
  const sessionToken =
    extraString(extra, "aws_session_token") ?? extraString(sessionKwargs, "aws_session_token");
  if (sessionToken !== undefined) settings.sessionToken = sessionToken;
  if (Object.keys(sessionKwargs).length > 0) {
    warnings.push(
      "extra.session_kwargs is deprecated; set aws_access_key_id, aws_secret_access_key and aws_session_token directly in extra",
    );
  }

  const region = options.region || extraString(extra, "region_name");
  if (region) settings.regionName = region;

  const verify = extra.verify;
  if (typeof verify === "boolean" || (typeof verify === "string" && verify !== "")) settings.verify = verify;
  else if (verify !== undefined && verify !== null && verify !== "") {
    throw new ConnectionFormatError(
      `extra.verify must be false or a CA bundle path, got ${describe(verify)}`,
    );
  }

  const profileName = extraString(extra, "profile_name");
  if (profileName !== undefined) settings.profileName = profileName;
  if ("profile" in extra && !("s3_config_file" in extra) && !profileName) {
    warnings.push(
      "found extra.profile without extra.s3_config_file; to use a shared-credentials profile set extra.profile_name",
    );
  }

  const configKwargs = extraObject(extra, "config_kwargs");
  if (configKwargs !== undefined) settings.configKwargs = configKwargs;

  readEndpoint(connection, extra, settings);
  readRole(extra, settings);
  warnAboutRetiredAndUnknownKeys(extra, warnings);
  return protectSettings(settings);
}

function readEndpoint(
  connection: Connection,
  extra: Record<string, unknown>,
  settings: AwsConnectionSettings,
) {
  const endpointUrl = extraString(extra, "endpoint_url");
  const legacyHost = extraString(extra, "host");
  if (endpointUrl !== undefined) {
    settings.endpointUrl = endpointUrl;
    if (legacyHost !== undefined)
      settings.warnings.push("extra.host is deprecated and ignored because extra.endpoint_url is set");
  } else if (legacyHost !== undefined) {
    settings.endpointUrl = legacyHost;
    settings.warnings.push("extra.host is deprecated; set extra.endpoint_url instead");
  }
  if (connection.host) {
    settings.warnings.push(
      `the connection's host "${connection.host}" is not used; set extra.endpoint_url instead`,
    );
  }
}

function readRole(extra: Record<string, unknown>, settings: AwsConnectionSettings) {
  let roleArn = extraString(extra, "role_arn");
  if (!roleArn) {
    const account = extraString(extra, "aws_account_id");
    const role = extraString(extra, "aws_iam_role");
    if (account && role) {
      roleArn = `arn:aws:iam::${account}:role/${role}`;
      settings.warnings.push(
        "building role_arn from extra.aws_account_id and extra.aws_iam_role is deprecated; set extra.role_arn instead",
      );
    }
  }
  if (!roleArn) return;
  settings.roleArn = roleArn;

  // As in Airflow, only a missing key means assume_role; an explicit null is not a method.
  // Only the exact string names a method (Airflow's `in` test: `["assume_role"]` is not one).
  const given = "assume_role_method" in extra ? extra.assume_role_method : "assume_role";
  const method = typeof given === "string" ? given : (JSON.stringify(given) ?? String(given));
  if (typeof given !== "string" || !(AIRFLOW_ASSUME_ROLE_METHODS as readonly string[]).includes(method)) {
    throw new ConnectionFormatError(
      `assume_role_method "${method}" is not supported; use one of: ${AIRFLOW_ASSUME_ROLE_METHODS.join(", ")} (leave it out for assume_role)`,
    );
  }
  settings.assumeRoleMethod = method as AssumeRoleMethod;

  const kwargs = { ...(extraObject(extra, "assume_role_kwargs") ?? {}) };
  const externalId = extraString(extra, "external_id");
  if (externalId !== undefined && !("ExternalId" in kwargs)) {
    kwargs.ExternalId = externalId;
    settings.warnings.push(
      "extra.external_id is deprecated; set ExternalId in extra.assume_role_kwargs instead",
    );
  }
  settings.assumeRoleKwargs = kwargs;
  if (typeof kwargs.RoleSessionName === "string" && kwargs.RoleSessionName) {
    settings.roleSessionName = kwargs.RoleSessionName;
  }
}

function warnAboutRetiredAndUnknownKeys(extra: Record<string, unknown>, warnings: string[]) {
  if ("s3_config_file" in extra || "s3_config_format" in extra) {
    warnings.push("extra.s3_config_file is no longer read by Airflow and is ignored; use extra.profile_name");
  }
  for (const key of Object.keys(extra)) {
    if (KNOWN_EXTRA_KEYS.includes(key)) continue;
    const suggestion = closestMatch(key, KNOWN_EXTRA_KEYS);
    warnings.push(
      `unknown extra key "${key}" is ignored${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
    );
  }
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

function redacted(settings: AwsConnectionSettings): Record<string, unknown> {
  const out: Record<string, unknown> = { ...settings, extra: redactExtra(settings.extra) };
  if (settings.secretAccessKey !== undefined) out.secretAccessKey = REDACTED;
  if (settings.sessionToken !== undefined) out.sessionToken = REDACTED;
  return out;
}

function protectSettings(settings: AwsConnectionSettings): AwsConnectionSettings {
  Object.defineProperty(settings, "toJSON", { value: () => redacted(settings), enumerable: false });
  Object.defineProperty(settings, INSPECT, {
    value: (_d: number, o: unknown, inspect: (v: unknown, o: unknown) => string) =>
      `AwsConnectionSettings ${inspect(redacted(settings), o)}`,
    enumerable: false,
  });
  return settings;
}
