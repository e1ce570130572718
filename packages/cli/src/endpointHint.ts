import { SourceError } from "@awsconn/core";

/** Where the STS endpoint of an `aws` connection comes from (Airflow's rule). */
export const STS_ENDPOINT_HINT =
  "the STS endpoint comes from the connection's extra service_config.sts.endpoint_url " +
  "(the connection-wide endpoint_url does not apply to STS); without it, STS's public endpoint is used";

const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
]);

/**
 * Whether a foreign error (an AWS SDK call's) is a failure to reach the endpoint: DNS, refused,
 * reset, unreachable, timed out.
 *
 * @example
 * ```ts
 * isNetworkFailure(Object.assign(new Error("getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com"), { code: "ENOTFOUND" })); // true
 * ```
 */
export function isNetworkFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
    if (e.name === "TimeoutError" || e.name === "RequestTimeout") return true;
  }
  return false;
}

/**
 * For an error that says a backend could not be reached (a {@link SourceError} of kind `network` or
 * `timeout`), the setting that decides the endpoint it went to, so the user knows what to change:
 * `service_config.sts.endpoint_url` for STS, the source's `endpoint` in the awsconn config for
 * Secrets Manager and SSM. `undefined` for every other error.
 *
 * @example
 * ```ts
 * endpointHint(new SourceError("connect ECONNREFUSED", { source: "ssm", kind: "network" }));
 * // 'the ssm endpoint comes from that source\'s "endpoint" setting in the awsconn config ...'
 * ```
 */
export function endpointHint(error: unknown): string | undefined {
  if (!(error instanceof SourceError) || (error.kind !== "network" && error.kind !== "timeout"))
    return undefined;
  if (error.source === "sts") return STS_ENDPOINT_HINT;
  return (
    `the ${error.source} endpoint comes from that source's "endpoint" setting in the awsconn config ` +
    "(sources[].endpoint); without it, the AWS SDK's endpoint for the source's region is used"
  );
}
