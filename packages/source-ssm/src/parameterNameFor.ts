import { buildPath } from "@awsconn/aws-source-common";

/**
 * The parameter name of a connection, as Airflow's `SystemsManagerParameterStoreBackend` builds
 * it: `prefix + "/" + connId` ({@link buildPath}), with a leading `/` added when missing
 * (`_ensure_leading_slash`); `prefix` already trimmed by `trimPrefix(prefix, "/")` of
 * `@awsconn/aws-source-common`, so `""` gives `/<connId>`.
 *
 * @example
 * ```ts
 * parameterNameFor("airflow/connections", "team/aws_default"); // "/airflow/connections/team/aws_default"
 * parameterNameFor("", "aws_default");                         // "/aws_default"
 * ```
 */
export function parameterNameFor(prefix: string, connId: string): string {
  const name = buildPath(prefix, connId);
  return name.startsWith("/") ? name : `/${name}`;
}
