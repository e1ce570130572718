// Spawns the BUILT awsconn binary (packages/cli/dist/esm/bin.js) the way a user runs it.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runNodeScript } from "@awsconn/testkit/process";

/** The built binary; AWSCONN_CLI_BIN points the suites at another build of it. */
export const BIN =
  process.env.AWSCONN_CLI_BIN ?? resolve(dirname(fileURLToPath(import.meta.url)), "../dist/esm/bin.js");
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Fails with a clear message when the binary has not been built. */
export function requireBuiltBin(): void {
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} is missing: build first (\`npm run build\`; \`npm test\` builds before testing)`);
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const HOME = mkdtempSync(join(tmpdir(), "awsconn-cli-home-"));

/**
 * A clean environment: no inherited AWS or Airflow settings, an empty HOME (no ~/.aws), no
 * instance metadata, so a test only sees what it sets.
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME,
    AWS_CONFIG_FILE: join(HOME, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(HOME, "no-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** Runs `node dist/esm/bin.js ...args` and collects exit code, stdout and stderr. */
export async function runBin(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {},
): Promise<RunResult> {
  const { code, stdout, stderr } = await runNodeScript(BIN, args, {
    cwd: options.cwd ?? HOME,
    env: cleanEnv(options.env),
    input: options.input ?? "",
  });
  return { code, stdout, stderr };
}
