import { createRequire } from "node:module";
import { ConfigError } from "@awsconn/core";
import type { SourceConfig } from "./types.js";

const requireHere = createRequire(import.meta.url);

/** How a package is looked for: Node's `require.resolve` from awsconn's folder (nothing is loaded). */
export type ResolvePackage = (name: string) => unknown;

/**
 * The AWS SDK packages an AWS source needs. They are optional peer dependencies (an env/file-only
 * install has none), so the app installs the ones its sources use.
 */
function packagesOf(config: SourceConfig & { type: "secretsmanager" | "ssm" }): string[] {
  const client = config.type === "secretsmanager" ? "@aws-sdk/client-secrets-manager" : "@aws-sdk/client-ssm";
  // The source's own `profile` / `roleArn` credentials come from the SDK's providers.
  return config.profile || config.roleArn ? [client, "@aws-sdk/credential-providers"] : [client];
}

/**
 * Checks, when the resolver is created, that the AWS SDK packages an AWS source entry needs are
 * installed, and otherwise fails at once with a `ConfigError` that names the entry and the
 * `npm install` that fixes it — not at the first lookup, where a missing package would look like a
 * backend failure. Only resolves the package names; nothing is loaded (the SDK is still imported
 * on the source's first call). Inside a bundle (esbuild, webpack: awsconn itself cannot be resolved
 * from where its code runs) nothing is checked: the bundler resolved the SDK when it built the
 * bundle, and there is no `node_modules` to look in.
 *
 * @example
 * ```ts
 * assertAwsPackages({ type: "secretsmanager" }, "sources[2]");
 * // ConfigError: sources[2]: the secretsmanager source needs @aws-sdk/client-secrets-manager, which is
 * // not installed; run: npm install @aws-sdk/client-secrets-manager
 * ```
 */
export function assertAwsPackages(
  config: SourceConfig & { type: "secretsmanager" | "ssm" },
  path: string,
  resolvePackage: ResolvePackage = requireHere.resolve,
): void {
  if (!found(resolvePackage, "awsconn/package.json")) return; // bundled
  const missing = packagesOf(config).filter((name) => !found(resolvePackage, name));
  if (missing.length === 0) return;
  const names = missing.join(" and ");
  throw new ConfigError(
    `the ${config.type} source needs ${names}, which ${missing.length > 1 ? "are" : "is"} not installed; run: npm install ${missing.join(" ")}`,
    { path },
  );
}

/** Whether `name` resolves; a resolution failure other than "not found" is not hidden. */
function found(resolvePackage: ResolvePackage, name: string): boolean {
  try {
    resolvePackage(name);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return false;
    throw error;
  }
}
