import type { SecretsManagerClient, SecretsManagerClientConfig } from "@aws-sdk/client-secrets-manager";
import type { SecretsManagerInit } from "./SecretsManagerInit.js";

/** Default TCP connect timeout of each attempt, ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 1000;
/** Default timeout of each request attempt, ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 3000;
/** Default attempts per call (the SDK's standard retry mode). */
export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Creates the Secrets Manager client of a source, loading `@aws-sdk/client-secrets-manager` and
 * `@smithy/node-http-handler` only now (dynamic `import()`), with connect and request timeouts on
 * every attempt, the standard retry mode and, when `roleArn` is set, assumed-role credentials.
 *
 * @example
 * ```ts
 * const client = await createSecretsManagerClient({ region: "eu-west-1", requestTimeoutMs: 2000 });
 * ```
 */
export async function createSecretsManagerClient(init: SecretsManagerInit): Promise<SecretsManagerClient> {
  const [{ SecretsManagerClient }, { NodeHttpHandler }] = await Promise.all([
    import("@aws-sdk/client-secrets-manager"),
    import("@smithy/node-http-handler"),
  ]);
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: init.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    requestTimeout: init.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  });
  const maxAttempts = init.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  let credentials: SecretsManagerClientConfig["credentials"];
  if (init.roleArn) {
    const { fromTemporaryCredentials, fromIni } = await import("@aws-sdk/credential-providers");
    credentials = fromTemporaryCredentials({
      params: { RoleArn: init.roleArn, RoleSessionName: "awsconn-secretsmanager" },
      ...(init.profile ? { masterCredentials: fromIni({ profile: init.profile }) } : {}),
      clientConfig: { region: init.region, requestHandler, maxAttempts, retryMode: "standard" },
    });
  }
  return new SecretsManagerClient({
    region: init.region,
    endpoint: init.endpoint,
    ...(init.profile && !credentials ? { profile: init.profile } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts,
    retryMode: "standard",
    requestHandler,
  });
}
