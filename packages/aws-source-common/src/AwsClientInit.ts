import type { AwsCredentialIdentityProvider } from "@smithy/types";
import type { SdkClientSettings } from "./SdkClientSettings.js";

/**
 * The client options every AWS source takes (each source's own `…Init` extends this), used by
 * {@link createAwsClientConfig} when the source builds its own SDK client.
 *
 * @example
 * ```ts
 * const init: AwsClientInit = { region: "eu-west-1", endpoint: "http://localhost:5000", requestTimeoutMs: 2000 };
 * ```
 */
export interface AwsClientInit {
  /** AWS region. Default: the SDK's (env `AWS_REGION`, the profile's region). */
  region?: string;
  /** Endpoint URL (moto, LocalStack, a VPC endpoint). */
  endpoint?: string;
  /**
   * Shared-config profile for the credentials (default: the `AWS_PROFILE` variable). A named profile
   * is the only place the credentials come from; without one, the SDK's default chain.
   */
  profile?: string;
  /** A role to assume (STS `AssumeRole`) with the credentials found otherwise. */
  roleArn?: string;
  /** TCP connect timeout of each attempt, ms. Default 1000. */
  connectTimeoutMs?: number;
  /**
   * Timeout of each request attempt, ms, from the start to the last byte of the answer's body
   * (connect and headers included). Default 3000. Each call also has a deadline over all its
   * attempts: `maxAttempts x (connectTimeoutMs + requestTimeoutMs) + 3000` ms (15 s by default).
   */
  requestTimeoutMs?: number;
  /** Attempts per call with the SDK's adaptive retry (jittered backoff, client-side rate limit). Default 3. */
  maxAttempts?: number;
  /**
   * Settings that win over the ones built from the options above: `credentials` (then `profile` and
   * `roleArn` are not used), `region`, `endpoint`, `maxAttempts`, `requestHandler`. This is how the
   * facade applies an Airflow backend's client kwargs (its `clientExtra`), read by `@awsconn/credentials`
   * as the extra of an `aws` connection, as Airflow's backends read them.
   */
  clientSettings?: SdkClientSettings & { credentials?: AwsCredentialIdentityProvider };
}
