// Times one fresh `node` process: from spawn to its first line on stdout (the probe's "resolved"
// signal) and from spawn to its exit, and (with `cpu`) the CPU time the process used, which the
// machine's load moves much less than wall time. Used by every scenario that starts processes
// (5, 8, 9), so all of them measure the same way. A run that fails because a workspace package is being rebuilt
// is retried (retryMissingModule); any other failure rejects with the child's stderr.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { retryMissingModule } from "./retry.mjs";

const cpuHook = fileURLToPath(new URL("../startup/cpuAtExit.cjs", import.meta.url));

/**
 * @param {string[]} args node's arguments (a script and its arguments, or `-e 0`)
 * @param {{ env?: Record<string, string|undefined>, cwd?: string, cpu?: boolean }} [options] `cpu`:
 *   preload startup/cpuAtExit.cjs (into every side alike, the baseline included) to get `cpuMs`
 * @returns {Promise<{ exitMs: number, readyMs: number|undefined, cpuMs: number|undefined, stdout: string }>}
 */
export function timeNode(args, options = {}) {
  return retryMissingModule(() => timeNodeOnce(args, options));
}

function timeNodeOnce(args, { env = process.env, cwd, cpu = false }) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, cpu ? ["--require", cpuHook, ...args] : args, {
      stdio: ["ignore", "pipe", "pipe", cpu ? "pipe" : "ignore"],
      env,
      cwd,
    });
    let readyMs;
    let stdout = "";
    let stderr = "";
    let usage = "";
    child.stdout.on("data", (d) => {
      if (readyMs === undefined && String(d).includes("\n"))
        readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.stdio[3]?.on("data", (d) => {
      usage += d;
    });
    child.on("error", reject);
    let exitMs;
    child.on("exit", () => {
      exitMs = Number(process.hrtime.bigint() - t0) / 1e6;
    });
    // "close" comes once the process has exited and its pipes (stdout, fd 3) are drained.
    child.on("close", (code, signal) => {
      if (code !== 0)
        return reject(
          new Error(`node ${args.join(" ")} exited ${code ?? signal}: ${errorLine(stderr)}\n${stderr}`),
        );
      const cpuMs = cpu && usage ? JSON.parse(usage).cpuMs : undefined;
      resolve({ exitMs, readyMs, cpuMs, stdout });
    });
  });
}

/**
 * Runs each side once to warm the file system cache, then `runs` rounds with the sides interleaved
 * (the order reversed every other round), and returns each side's samples.
 *
 * @template {{ name: string, args: string[], env?: object, cwd?: string, check?: (stdout: string) => void }} S
 * @param {S[]} sides
 * @param {number} runs
 * @returns {Promise<Map<string, { exitMs: number, readyMs: number|undefined, cpuMs: number|undefined }[]>>}
 */
export async function interleaved(sides, runs) {
  const go = async (side) => {
    const r = await timeNode(side.args, { ...side, cpu: true });
    side.check?.(r.stdout);
    return r;
  };
  for (const side of sides) await go(side);
  const samples = new Map(sides.map((s) => [s.name, []]));
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) samples.get(side.name).push(await go(side));
  }
  return samples;
}

/** The thrown error's own line in a crashed process's stderr ("TypeError: ...", "Error [CODE]: ..."). */
function errorLine(stderr) {
  const line = stderr.split("\n").find((l) => /^[A-Za-z_$][\w$]*(?: \[[\w-]+\])?: \S/.test(l));
  return (line ?? stderr.trim().split("\n").at(-1) ?? "").slice(0, 400);
}
