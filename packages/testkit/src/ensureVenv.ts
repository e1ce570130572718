import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Options of {@link ensureVenv}. */
export interface EnsureVenvOptions {
  /** The repository root (holds `requirements-test.txt` and `scripts/setup-venv.sh`). Default: {@link findRepoRoot}. */
  root?: string;
  /** The virtualenv directory. Default: `AWSCONN_VENV`, else `<root>/.venv`. */
  venvDir?: string;
}

/**
 * Finds the awsconn repository root: `AWSCONN_REPO_ROOT`, else the nearest directory at or above
 * `from` (default `process.cwd()`) that holds `requirements-test.txt` and `scripts/setup-venv.sh`.
 *
 * @example
 * ```ts
 * const root = findRepoRoot(); // "/work/main"
 * ```
 */
export function findRepoRoot(from: string = process.cwd()): string {
  const fromEnv = process.env.AWSCONN_REPO_ROOT;
  if (fromEnv) return resolve(fromEnv);
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "requirements-test.txt")) && existsSync(join(dir, "scripts", "setup-venv.sh"))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `@awsconn/testkit: no requirements-test.txt + scripts/setup-venv.sh at or above ${from}; set AWSCONN_REPO_ROOT`,
      );
    }
    dir = parent;
  }
}

/**
 * Makes sure the project-local virtualenv with the pinned test tools (`moto[server]`, `boto3`,
 * `botocore` from `requirements-test.txt`) exists, creating it with `scripts/setup-venv.sh` when
 * missing or out of date. Idempotent and safe when several processes call it at once (the script
 * holds a lock). Resolves the venv's `python` path.
 *
 * @example
 * ```ts
 * const python = await ensureVenv(); // "/repo/.venv/bin/python"
 * ```
 */
export async function ensureVenv(options: EnsureVenvOptions = {}): Promise<string> {
  const root = options.root ?? findRepoRoot();
  const venvDir = options.venvDir ?? process.env.AWSCONN_VENV ?? join(root, ".venv");
  const python = join(venvDir, "bin", "python");
  if (isReady(root, venvDir, python)) return python;
  await runSetupScript(root, venvDir);
  if (!isReady(root, venvDir, python)) {
    throw new Error(`@awsconn/testkit: scripts/setup-venv.sh finished but ${venvDir} is not ready`);
  }
  return python;
}

// ---------------------------------------------------------------------------------------------

function isReady(root: string, venvDir: string, python: string): boolean {
  const marker = join(venvDir, ".awsconn-requirements");
  if (!existsSync(marker) || !existsSync(python)) return false;
  return readFileSync(marker, "utf8") === readFileSync(join(root, "requirements-test.txt"), "utf8");
}

function runSetupScript(root: string, venvDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("bash", [join(root, "scripts", "setup-venv.sh")], {
      cwd: root,
      env: { ...process.env, AWSCONN_VENV: venvDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`@awsconn/testkit: scripts/setup-venv.sh exited with ${code}:\n${output}`));
    });
  });
}
