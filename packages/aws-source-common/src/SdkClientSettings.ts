import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { RetryMode } from "./clientDefaults.js";

/**
 * The settings awsconn hands to an AWS SDK v3 client constructor, whoever builds them (an AWS
 * source's `createAwsClientConfig`, or `resolveAwsConfig` of `@awsconn/credentials` for a
 * connection): one shape, so both spread into any client the same way.
 *
 * @example
 * ```ts
 * const settings: SdkClientSettings = { region: "eu-west-1", maxAttempts: 3, retryMode: "adaptive" };
 * new SSMClient(settings);
 * ```
 */
export interface SdkClientSettings {
  /** AWS region. */
  region?: string;
  /** Endpoint URL (moto, LocalStack, a VPC endpoint, `service_config.<svc>.endpoint_url`). */
  endpoint?: string;
  /** Shared-config profile, so the SDK also reads that profile's settings (region...). */
  profile?: string;
  /** Total attempts per call, the first one included. */
  maxAttempts?: number;
  /** The SDK retry mode. */
  retryMode?: RetryMode;
  /** The HTTP handler ({@link createBoundedHttpHandler}). */
  requestHandler?: NodeHttpHandler;
}
