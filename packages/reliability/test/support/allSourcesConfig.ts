import { motoEndpoint } from "@awsconn/testkit/moto";

/**
 * The YAML of an awsconn config that chains all four source types: env, the connections file at
 * `filePath`, then Secrets Manager and SSM under the given prefixes on the moto server.
 *
 * @example
 * ```ts
 * writeFileSync(config, allSourcesConfigYaml("/tmp/conns.yaml", "rel/sm", "/rel/ssm"));
 * ```
 */
export function allSourcesConfigYaml(filePath: string, smPrefix: string, ssmPrefix: string): string {
  return [
    "sources:",
    "  - type: env",
    "  - type: file",
    `    path: ${filePath}`,
    "  - type: secretsmanager",
    `    prefix: ${smPrefix}`,
    "    region: us-east-1",
    `    endpoint: ${motoEndpoint()}`,
    "  - type: ssm",
    `    prefix: ${ssmPrefix}`,
    "    region: us-east-1",
    `    endpoint: ${motoEndpoint()}`,
    "",
  ].join("\n");
}
