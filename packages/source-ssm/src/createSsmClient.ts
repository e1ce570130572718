import type { SSMClient } from "@aws-sdk/client-ssm";
import { createAwsClientConfig } from "@awsconn/aws-source-common";
import type { SsmInit } from "./SsmInit.js";
import { loadSsmSdk } from "./loadSsmSdk.js";

/**
 * Creates the SSM client of a source, loading `@aws-sdk/client-ssm` only now (dynamic
 * `import()`), configured by `createAwsClientConfig` (@awsconn/aws-source-common): connect and
 * request timeouts on every attempt, the standard retry mode and, when `roleArn` is set,
 * assumed-role credentials (session `awsconn-ssm`).
 *
 * @example
 * ```ts
 * const client = await createSsmClient({ region: "eu-west-1", requestTimeoutMs: 2000 });
 * ```
 */
export async function createSsmClient(init: SsmInit): Promise<SSMClient> {
  const [{ SSMClient }, config] = await Promise.all([await loadSsmSdk(), createAwsClientConfig(init, "ssm")]);
  return new SSMClient(config);
}
