// Starts a moto server for the benchmark: through @awsconn/testkit's startMoto() when its
// build is importable, otherwise directly from the repo-local virtualenv (.venv/bin/moto_server),
// creating that virtualenv first when it is missing. The server is always stopped by stop(),
// and also when the process exits or is interrupted.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** @returns {Promise<{ endpoint: string, stop: () => Promise<void>, via: string }>} */
export async function startMotoServer() {
  // The testkit's index also exports its vitest contract suite, so its built launcher module is
  // imported on its own (no vitest in the benchmark process).
  const launcher = join(repoRoot, "packages", "testkit", "dist", "esm", "startMoto.js");
  if (!process.env.BENCH_MOTO_SERVER && existsSync(launcher)) {
    try {
      const { startMoto } = await import(pathToFileURL(launcher).href);
      const moto = await startMoto();
      return {
        endpoint: moto.endpoint,
        stop: () => Promise.resolve(moto.stop()),
        via: "@awsconn/testkit startMoto()",
      };
    } catch (error) {
      console.error(`bench: testkit startMoto() failed (${error.message}); starting moto_server directly`);
    }
  }
  return startOwnMoto();
}

function motoBinary() {
  if (process.env.BENCH_MOTO_SERVER) return process.env.BENCH_MOTO_SERVER;
  const bin = join(repoRoot, ".venv", "bin", "moto_server");
  if (existsSync(bin)) return bin;
  const setup = join(repoRoot, "scripts", "setup-venv.sh");
  console.error("bench: no .venv/bin/moto_server; creating the virtualenv ...");
  const result = existsSync(setup)
    ? spawnSync("bash", [setup], { cwd: repoRoot, stdio: "inherit" })
    : spawnSync("bash", ["-c", 'python3 -m venv .venv && .venv/bin/pip install -q "moto[server]==5.2.5"'], {
        cwd: repoRoot,
        stdio: "inherit",
      });
  if (result.status !== 0 || !existsSync(bin))
    throw new Error("bench: could not create .venv with moto_server");
  return bin;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startOwnMoto() {
  const bin = motoBinary();
  const port = await freePort();
  const child = spawn(bin, ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  process.on("exit", kill);
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited early: ${stderr}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      kill();
      throw new Error(`moto_server did not start within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    via: `${bin} (own launcher)`,
    stop: () =>
      new Promise((resolve) => {
        process.off("exit", kill);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => {
          if (child.exitCode === null) child.kill("SIGKILL");
        }, 3000).unref();
      }),
  };
}
