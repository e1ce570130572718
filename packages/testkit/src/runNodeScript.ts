import { spawn } from "node:child_process";

/**
 * What {@link runNodeScript} collected: exit code (`null` when killed), all of stdout and stderr,
 * and the wall time in ms.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runNodeScript(bin, ["--version"], { env: { PATH: process.env.PATH ?? "" } });
 * ```
 */
export interface NodeScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Options of {@link runNodeScript}.
 *
 * @example
 * ```ts
 * { env: { PATH: "/usr/bin" }, cwd: "/tmp", input: "", killAfterMs: 30_000 }
 * ```
 */
export interface RunNodeScriptOptions {
  /** The child's whole environment (nothing is inherited). */
  env: Record<string, string>;
  /** Working directory. Default: the parent's. */
  cwd?: string;
  /** Text written to stdin, which is then closed. Without it stdin is ignored (`/dev/null`). */
  input?: string;
  /** Kill the child with SIGKILL after this many ms (a hang shows as `code: null`). Default: never. */
  killAfterMs?: number;
}

/**
 * Runs `node <script> ...args` (the current Node binary) and collects its exit code, stdout and
 * stderr as UTF-8 text. Used by the suites that spawn the built CLI.
 *
 * @example
 * ```ts
 * const r = await runNodeScript("packages/cli/dist/esm/bin.js", ["get", "x"], { env: cleanEnv, input: "" });
 * if (r.code !== 0) console.error(r.stderr);
 * ```
 */
export function runNodeScript(
  script: string,
  args: readonly string[],
  options: RunNodeScriptOptions,
): Promise<NodeScriptResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    const killer =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      resolvePromise({ code, stdout, stderr, ms: performance.now() - started });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
