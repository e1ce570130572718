import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { endpointVariable } from "./formatCredentials.js";

/**
 * Environment variables through which an AWS SDK or CLI picks up credentials. `awsconn exec` removes
 * every one it inherited, so nothing from the calling shell can shadow the connection: the keys
 * (and botocore's legacy `AWS_SECURITY_TOKEN`), profiles, the container endpoint, web identity and
 * the account id that belongs to the keys. Names starting with `AWS_CONTAINER_` are removed too.
 *
 * @example
 * ```ts
 * AWS_CREDENTIAL_VARIABLES.includes("AWS_PROFILE"); // true
 * ```
 */
export const AWS_CREDENTIAL_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_SECURITY_TOKEN",
  "AWS_CREDENTIAL_EXPIRATION",
  "AWS_ACCOUNT_ID",
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_ROLE_ARN",
  "AWS_ROLE_SESSION_NAME",
] as const;

/**
 * Whether an inherited variable carries or selects AWS credentials (see {@link AWS_CREDENTIAL_VARIABLES}).
 *
 * @example
 * ```ts
 * isCredentialVariable("AWS_CONTAINER_CREDENTIALS_FULL_URI"); // true
 * isCredentialVariable("AWS_REGION"); // false
 * ```
 */
export function isCredentialVariable(name: string): boolean {
  return name.startsWith("AWS_CONTAINER_") || (AWS_CREDENTIAL_VARIABLES as readonly string[]).includes(name);
}

/**
 * Whether an inherited variable sets an AWS endpoint (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`):
 * `awsconn exec` removes them, so the connection's credentials never go to an endpoint the
 * connection did not name; the connection's own endpoint is set again.
 *
 * @example
 * ```ts
 * isEndpointVariable("AWS_ENDPOINT_URL_S3"); // true
 * ```
 */
export function isEndpointVariable(name: string): boolean {
  return name === "AWS_ENDPOINT_URL" || name.startsWith("AWS_ENDPOINT_URL_");
}

/** What the child of `awsconn exec` receives (see {@link childEnv}). */
export interface ChildEnvInit {
  /** Keys for env mode (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_CREDENTIAL_EXPIRATION`). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };
  /** The private credentials endpoint for `--serve` mode and its token. */
  container?: { uri: string; token: string };
  /** `AWS_REGION` and `AWS_DEFAULT_REGION`. */
  region?: string;
  /** The connection's endpoint: `AWS_ENDPOINT_URL`, or `AWS_ENDPOINT_URL_<SERVICE>` with `service`. */
  endpoint?: string;
  /** The service of `--service`. */
  service?: string;
}

/**
 * The environment of a program run by `awsconn exec`: the parent's environment without any inherited
 * AWS credential setting or endpoint (`AWS_ENDPOINT_URL*`), plus the connection's keys (env mode) or the container-credentials
 * endpoint and token (`--serve`), region and endpoint. The parent's environment is not modified.
 *
 * @example
 * ```ts
 * const env = childEnv(process.env, { credentials: { accessKeyId: "AKIA...", secretAccessKey: "..." }, region: "eu-west-1" });
 * spawn("aws", ["s3", "ls"], { env, stdio: "inherit" });
 * ```
 */
export function childEnv(
  parent: Record<string, string | undefined>,
  init: ChildEnvInit,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && !isCredentialVariable(name) && !isEndpointVariable(name)) env[name] = value;
  }
  if (init.credentials) {
    env.AWS_ACCESS_KEY_ID = init.credentials.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = init.credentials.secretAccessKey;
    if (init.credentials.sessionToken) env.AWS_SESSION_TOKEN = init.credentials.sessionToken;
    if (init.credentials.expiration)
      env.AWS_CREDENTIAL_EXPIRATION = init.credentials.expiration.toISOString();
  }
  if (init.container) {
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI = init.container.uri;
    env.AWS_CONTAINER_AUTHORIZATION_TOKEN = init.container.token;
  }
  if (init.region) {
    env.AWS_REGION = init.region;
    env.AWS_DEFAULT_REGION = init.region;
  }
  if (init.endpoint) env[endpointVariable(init.service)] = init.endpoint;
  return env;
}

/**
 * The shared credentials file, when its `[default]` profile holds keys. The SDKs' default chains try
 * that file before the container endpoint, so such a profile would shadow `exec --serve`; exec warns.
 *
 * @example
 * ```ts
 * const file = defaultProfileWithKeys(process.env); // "/home/me/.aws/credentials" or undefined
 * ```
 */
export function defaultProfileWithKeys(env: Record<string, string | undefined>): string | undefined {
  const file = sharedFiles(env).credentials;
  return defaultProfileKeys(file, "credentials").includes("aws_access_key_id") ? file : undefined;
}

/** Settings of a profile with which an AWS SDK finds credentials before a container endpoint. */
export const SHADOWING_KEYS = [
  "aws_access_key_id",
  "credential_process",
  "role_arn",
  "web_identity_token_file",
  "sso_session",
  "sso_start_url",
] as const;

/**
 * Every place that would shadow `exec --serve`: the `[default]` profile (the child's profile, since
 * exec removes `AWS_PROFILE`) of the shared config file (`AWS_CONFIG_FILE`, else `~/.aws/config`;
 * `[default]` or `[profile default]`) and of the credentials file (`AWS_SHARED_CREDENTIALS_FILE`,
 * else `~/.aws/credentials`) with keys, `credential_process`, a role, web identity or SSO. AWS SDKs
 * and the AWS CLI try those before the container endpoint. One line per file, naming the settings.
 *
 * @example
 * ```ts
 * shadowingSources(process.env); // ["/home/me/.aws/config [default] has credential_process"]
 * ```
 */
export function shadowingSources(env: Record<string, string | undefined>): string[] {
  const files = sharedFiles(env);
  return (["config", "credentials"] as const).flatMap((kind) => {
    const keys = defaultProfileKeys(files[kind], kind).filter((k) =>
      (SHADOWING_KEYS as readonly string[]).includes(k),
    );
    return keys.length > 0 ? [`${files[kind]} [default] has ${keys.join(", ")}`] : [];
  });
}

function sharedFiles(env: Record<string, string | undefined>): { config: string; credentials: string } {
  const home = env.HOME ?? homedir();
  return {
    config: env.AWS_CONFIG_FILE ?? join(home, ".aws", "config"),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, ".aws", "credentials"),
  };
}

/** The keys set in the default profile of a shared config or credentials file (none if unreadable). */
function defaultProfileKeys(file: string, kind: "config" | "credentials"): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const keys: string[] = [];
  let inDefault = false;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[#;].*)?$/.exec(line);
    if (section) {
      const name = (section[1] ?? "").replace(/\s+/g, " ");
      inDefault = name === "default" || (kind === "config" && name === "profile default");
      continue;
    }
    const key = /^\s*([A-Za-z0-9_.-]+)\s*=/.exec(line)?.[1];
    if (inDefault && key) keys.push(key.toLowerCase());
  }
  return keys;
}
