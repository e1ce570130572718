import { buildPath } from "@awsconn/aws-source-common";

/**
 * The secret id of a connection, as Airflow's `SecretsManagerBackend` names it:
 * `prefix + sep + connId` ({@link buildPath}), or the bare id when the prefix is empty (`prefix`
 * already trimmed by `trimPrefix` of `@awsconn/aws-source-common`).
 *
 * @example
 * ```ts
 * secretIdFor("airflow/connections", "/", "aws_default"); // "airflow/connections/aws_default"
 * secretIdFor("", "/", "aws_default");                    // "aws_default"
 * ```
 */
export function secretIdFor(prefix: string, sep: string, connId: string): string {
  return prefix ? buildPath(prefix, connId, sep) : connId;
}
