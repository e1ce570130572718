// Spawns the BUILT awsconn command (packages/cli/bin/awsconn.js, which runs dist/awsconn.cjs), as a user runs it.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runNodeScript } from "@awsconn/testkit/process";

/** The built CLI; `AWSCONN_CLI_BIN` points the suite at another build. */
export const CLI_BIN =
  process.env.AWSCONN_CLI_BIN ??
  resolve(dirname(fileURLToPath(import.meta.url)), "../../../cli/bin/awsconn.js");

/** Whether the CLI has been built (`npm run build`): the launcher's bundle is there. */
export const CLI_BUILT = existsSync(resolve(dirname(CLI_BIN), "../dist/awsconn.cjs"));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the CLI in a clean environment (empty HOME, no inherited AWS or Airflow settings, no
 * instance metadata) plus `env`, killing it after `killAfterMs` (a hang shows as `code: null`).
 *
 * @example
 * ```ts
 * const r = await runCli(["--config", cfg, "get", "x"], { env: { AWS_ACCESS_KEY_ID: "testing" } });
 * ```
 */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; killAfterMs?: number } = {},
): Promise<CliResult> {
  const home = mkdtempSync(join(tmpdir(), "awsconn-rel-home-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    AWS_CONFIG_FILE: join(home, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "no-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    NO_COLOR: "1",
    ...options.env,
  };
  return runNodeScript(CLI_BIN, args, {
    cwd: options.cwd ?? home,
    env,
    killAfterMs: options.killAfterMs ?? 30_000,
  });
}
