import { ConnectionFormatError } from "@awsconn/core";
import type { AwsConnectionSettings } from "./AwsConnectionSettings.js";

/**
 * Options of {@link serviceEndpoint}.
 *
 * @example
 * ```ts
 * serviceEndpoint(settings, "sts", { forAssumeRole: true });
 * ```
 */
export interface ServiceEndpointOptions {
  /**
   * The STS client that assumes the connection's role: it never uses the connection-wide
   * `endpoint_url`, only `service_config.sts.endpoint_url` (Airflow's `sts_connection_assume`).
   */
  forAssumeRole?: boolean;
}

/**
 * The endpoint URL a client for `service` should use, as Airflow's `get_service_endpoint_url`:
 * `service_config.<service>.endpoint_url` when the key is present (`null` there means the AWS default,
 * even when a connection-wide endpoint is set), else the connection-wide `endpoint_url`.
 * `undefined` means "let the SDK choose".
 *
 * @example
 * ```ts
 * // extra: { endpoint_url: "https://spam.egg", service_config: { sns: { endpoint_url: "https://foo.bar" }, ec2: { endpoint_url: null } } }
 * serviceEndpoint(s, "sns"); // "https://foo.bar"
 * serviceEndpoint(s, "sts"); // "https://spam.egg"
 * serviceEndpoint(s, "ec2"); // undefined
 * serviceEndpoint(s, "sts", { forAssumeRole: true }); // undefined
 * ```
 */
export function serviceEndpoint(
  settings: AwsConnectionSettings,
  service: string | undefined,
  options: ServiceEndpointOptions = {},
): string | undefined {
  const global = options.forAssumeRole ? undefined : settings.endpointUrl;
  if (service === undefined) return global;
  const config = settings.serviceConfig[service];
  if (config === undefined || config === null) return global;
  if (typeof config !== "object" || Array.isArray(config)) {
    throw new ConnectionFormatError(
      `aws connection "${settings.connId}": extra.service_config.${service} must be an object`,
    );
  }
  if (!("endpoint_url" in config)) return global;
  const url = (config as Record<string, unknown>).endpoint_url;
  if (url === null || url === undefined || url === "") return undefined;
  if (typeof url !== "string") {
    throw new ConnectionFormatError(
      `aws connection "${settings.connId}": extra.service_config.${service}.endpoint_url must be a string or null`,
    );
  }
  return url;
}
