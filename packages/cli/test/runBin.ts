// Spawns the BUILT awsconn command the way a user runs it: the package's bin, bin/awsconn.js, which
// runs dist/awsconn.cjs (the whole command in one file) with its code cache.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runNodeScript } from "@awsconn/testkit/process";

/** The command's launcher; AWSCONN_CLI_BIN points the suites at another build of it. */
export const BIN =
  process.env.AWSCONN_CLI_BIN ?? resolve(dirname(fileURLToPath(import.meta.url)), "../bin/awsconn.js");
/** What the launcher runs: the command bundled into one CommonJS file. */
export const BUNDLE = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/awsconn.cjs");
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Fails with a clear message when the binary has not been built. */
export function requireBuiltBin(): void {
  if (!existsSync(BIN) || !existsSync(BUNDLE)) {
    throw new Error(
      `${BUNDLE} is missing: build first (\`npm run build\`; \`npm test\` builds before testing)`,
    );
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

/** Runs `node bin/awsconn.js ...args` and collects exit code, stdout and stderr. */
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
