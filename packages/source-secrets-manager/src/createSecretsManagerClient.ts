import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { createAwsClientConfig } from "@awsconn/aws-source-common";
import type { SecretsManagerInit } from "./SecretsManagerInit.js";
import { loadSecretsManagerSdk } from "./loadSecretsManagerSdk.js";

/**
 * Creates the Secrets Manager client of a source, loading `@aws-sdk/client-secrets-manager` only
 * now (dynamic `import()`), configured by `createAwsClientConfig` (@awsconn/aws-source-common):
 * connect and request timeouts on every attempt, the standard retry mode and, when `roleArn` is
 * set, assumed-role credentials (session `awsconn-secretsmanager`).
 *
 * @example
 * ```ts
 * const client = await createSecretsManagerClient({ region: "eu-west-1", requestTimeoutMs: 2000 });
 * ```
 */
export async function createSecretsManagerClient(init: SecretsManagerInit): Promise<SecretsManagerClient> {
  const [{ SecretsManagerClient }, config] = await Promise.all([
    loadSecretsManagerSdk(),
    createAwsClientConfig(init, "secretsmanager"),
  ]);
  return new SecretsManagerClient(config);
}
