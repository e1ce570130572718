import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The moto server started by the testkit's global setup. */
    awsconnMotoEndpoint?: string;
  }
}

/**
 * The endpoint of the moto server of this test run: `AWSCONN_MOTO_ENDPOINT`, else the one the
 * testkit's global setup provided. Throws a clear error when there is none.
 *
 * @example
 * ```ts
 * const client = new SSMClient(awsTestClientConfig(motoEndpoint()));
 * ```
 */
export function motoEndpoint(): string {
  const endpoint = process.env.AWSCONN_MOTO_ENDPOINT || inject("awsconnMotoEndpoint");
  if (!endpoint) {
    throw new Error(
      "no moto server for this run: run the tests from the repo root (vitest's global setup starts one) " +
        "or set AWSCONN_MOTO_ENDPOINT (and do not set AWSCONN_MOTO=off)",
    );
  }
  return endpoint;
}

/** SDK client settings for a test server: endpoint, `us-east-1`, dummy static keys. */
export interface AwsTestClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Settings for any AWS SDK v3 client pointed at the test server (moto by default): pass them to
 * the client's constructor. Spread in more (`maxAttempts`, `requestHandler`) as needed.
 *
 * @example
 * ```ts
 * const sm = new SecretsManagerClient(awsTestClientConfig());
 * const viaProxy = new SSMClient(awsTestClientConfig(proxy.endpoint));
 * ```
 */
export function awsTestClientConfig(endpoint: string = motoEndpoint()): AwsTestClientConfig {
  return {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  };
}

let counter = 0;

/**
 * A name no other test of this run uses (`<label>-<time>-<pid>-<n>`): a prefix under which a test
 * stores its secrets or parameters, so suites sharing one moto server never collide.
 *
 * @example
 * ```ts
 * const prefix = uniquePrefix("sm-uri"); // "sm-uri-lx9k2a-4711-3"
 * ```
 */
export function uniquePrefix(label = "t"): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}
