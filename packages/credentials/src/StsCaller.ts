import type {
  AssumeRoleCommandInput,
  AssumeRoleWithWebIdentityCommandInput,
  Credentials,
  GetCallerIdentityCommandOutput,
  STSClient,
  STSClientConfig,
} from "@aws-sdk/client-sts";
import { callDeadlineMs, withDeadline } from "@awsconn/aws-source-common";

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
 * The {@link StsCaller} of {@link createSdkStsCaller}, which also answers `sts:GetCallerIdentity`
 * (`awsconn test`).
 *
 * @example
 * ```ts
 * const { Arn } = await createSdkStsCaller({ region: "us-east-1", credentials }).getCallerIdentity();
 * ```
 */
export interface SdkStsCaller extends StsCaller {
  /** `sts:GetCallerIdentity`. */
  getCallerIdentity(): Promise<Pick<GetCallerIdentityCommandOutput, "Account" | "Arn" | "UserId">>;
}

/**
 * Options of {@link createSdkStsCaller}.
 *
 * @example
 * ```ts
 * const options: SdkStsCallerOptions = { deadlineMs: 5000 };
 * ```
 */
export interface SdkStsCallerOptions {
  /**
   * Each call (all its attempts, and the backoff between them) gives up after this many ms with a
   * `TimeoutError`. Default `callDeadlineMs({})` of `@awsconn/aws-source-common` (15000).
   */
  deadlineMs?: number;
}

/**
 * An {@link SdkStsCaller} backed by one `STSClient`, created (and `@aws-sdk/client-sts` imported) on
 * the first call. `config` may be a function, then called once at that moment. Every call has a
 * deadline ({@link SdkStsCallerOptions.deadlineMs}).
 *
 * @example
 * ```ts
 * const sts = createSdkStsCaller({ region: "eu-west-1", credentials: fromEnv() });
 * await sts.assumeRole({ RoleArn: "arn:aws:iam::123456789012:role/etl", RoleSessionName: "airflow_x" });
 * ```
 */
export function createSdkStsCaller(
  config: STSClientConfig | (() => Promise<STSClientConfig>),
  options: SdkStsCallerOptions = {},
): SdkStsCaller {
  const deadlineMs = options.deadlineMs ?? callDeadlineMs({});
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
      return withDeadline(deadlineMs, undefined, (abortSignal) =>
        client.send(new module.AssumeRoleCommand(input), { abortSignal }),
      );
    },
    async assumeRoleWithWebIdentity(input) {
      const { client, module } = await load();
      return withDeadline(deadlineMs, undefined, (abortSignal) =>
        client.send(new module.AssumeRoleWithWebIdentityCommand(input), { abortSignal }),
      );
    },
    async getCallerIdentity() {
      const { client, module } = await load();
      return withDeadline(deadlineMs, undefined, (abortSignal) =>
        client.send(new module.GetCallerIdentityCommand({}), { abortSignal }),
      );
    },
  };
}
