import type {
  AssumeRoleCommandInput,
  AssumeRoleWithWebIdentityCommandInput,
  Credentials,
  STSClient,
  STSClientConfig,
} from "@aws-sdk/client-sts";

/**
 * What an STS call returns that awsconn uses.
 *
 * @example
 * ```ts
 * const out: StsCredentialsOutput = { Credentials: { AccessKeyId: "A", SecretAccessKey: "S", SessionToken: "T", Expiration: new Date() } };
 * ```
 */
export interface StsCredentialsOutput {
  /** The temporary credentials. */
  Credentials?: Credentials;
}

/**
 * The two STS calls the credential providers make. The default ({@link createSdkStsCaller}) uses
 * `@aws-sdk/client-sts`; tests inject their own to count calls or to fail on purpose.
 *
 * @example
 * ```ts
 * const sts: StsCaller = {
 *   assumeRole: async () => ({ Credentials: { AccessKeyId: "A", SecretAccessKey: "S", SessionToken: "T", Expiration: new Date() } }),
 *   assumeRoleWithWebIdentity: async () => ({}),
 * };
 * ```
 */
export interface StsCaller {
  /** `sts:AssumeRole`. */
  assumeRole(input: AssumeRoleCommandInput): Promise<StsCredentialsOutput>;
  /** `sts:AssumeRoleWithWebIdentity`. */
  assumeRoleWithWebIdentity(input: AssumeRoleWithWebIdentityCommandInput): Promise<StsCredentialsOutput>;
}

/**
 * An {@link StsCaller} backed by one `STSClient`, created (and `@aws-sdk/client-sts` imported) on the
 * first call. `config` may be a function, then called once at that moment.
 *
 * @example
 * ```ts
 * const sts = createSdkStsCaller({ region: "eu-west-1", credentials: fromEnv() });
 * await sts.assumeRole({ RoleArn: "arn:aws:iam::123456789012:role/etl", RoleSessionName: "airflow_x" });
 * ```
 */
export function createSdkStsCaller(config: STSClientConfig | (() => Promise<STSClientConfig>)): StsCaller {
  let client: Promise<{ client: STSClient; module: typeof import("@aws-sdk/client-sts") }> | undefined;
  const load = () => {
    client ??= (async () => {
      const resolved = typeof config === "function" ? await config() : config;
      const module = await import("@aws-sdk/client-sts");
      return { client: new module.STSClient(resolved), module };
    })();
    return client;
  };
  return {
    async assumeRole(input) {
      const { client, module } = await load();
      return client.send(new module.AssumeRoleCommand(input));
    },
    async assumeRoleWithWebIdentity(input) {
      const { client, module } = await load();
      return client.send(new module.AssumeRoleWithWebIdentityCommand(input));
    },
  };
}
