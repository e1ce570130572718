import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { type EnsureVenvOptions, ensureVenv } from "./ensureVenv.js";
import { freePort } from "./freePort.js";

/** Options of {@link startMoto}. */
export interface StartMotoOptions extends EnsureVenvOptions {
  /**
   * Services the tests will use. moto 5 serves every service from one process; the ones named here
   * are warmed up (one cheap request each) before `startMoto` resolves, so the first real request
   * of a test does not pay moto's lazy backend loading. Default: `["secretsmanager", "ssm", "sts"]`.
   */
  services?: readonly string[];
  /** How long to wait for the server to answer, in ms. Default 60000. */
  readyTimeoutMs?: number;
}

/** A running moto server. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>`: pass it as the SDK client's `endpoint`. */
  readonly endpoint: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a real moto server on a free `127.0.0.1` port, from the project-local `.venv` (created
 * with the pinned `moto[server]` on first use, see {@link ensureVenv}), and waits until it answers.
 *
 * The server is always stopped: by `stop()`, and else when this process exits or gets SIGINT,
 * SIGTERM or SIGHUP; the server also watches its parent and exits by itself when the parent dies
 * (even by SIGKILL).
 *
 * @example
 * ```ts
 * const moto = await startMoto();
 * try {
 *   const client = new SecretsManagerClient({ endpoint: moto.endpoint, region: "us-east-1",
 *     credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
 * } finally {
 *   await moto.stop();
 * }
 * ```
 */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  const python = await ensureVenv(options);
  const services = options.services ?? ["secretsmanager", "ssm", "sts"];
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const child = spawn(python, ["-c", MOTO_RUNNER, "127.0.0.1", String(port)], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, PYTHONUNBUFFERED: "1" },
    });
    track(child);
    let log = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      log = (log + chunk.toString("utf8")).slice(-4000);
    });
    try {
      await waitUntilAnswering(endpoint, child, readyTimeoutMs);
      for (const service of services) await warmUp(endpoint, service);
      child.stderr?.removeAllListeners("data");
      child.stderr?.resume();
      return { endpoint, stop: () => stopChild(child) };
    } catch (error) {
      await stopChild(child);
      lastError = new Error(`moto_server on ${endpoint} did not start: ${String(error)}\n${log}`);
    }
  }
  throw lastError;
}

// ---------------------------------------------------------------------------------------------

/** Runs moto's server; a watcher thread exits it when the parent process goes away. */
const MOTO_RUNNER = `
import os, sys, threading, time
parent = os.getppid()
def watch():
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)
threading.Thread(target=watch, daemon=True).start()
from moto.server import main
main(["-H", sys.argv[1], "-p", sys.argv[2]])
`;

const running = new Set<ChildProcess>();
let handlersInstalled = false;

function track(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      killAll();
      process.removeListener(signal, onSignal);
      // We were the only listener: keep the default behaviour (terminate by that signal).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function killAll(): void {
  for (const child of running) child.kill("SIGKILL");
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited early (${child.exitCode ?? child.signalCode})`);
    }
    const status = await httpStatus(`${endpoint}/moto-api/data.json`).catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

function httpStatus(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? "GET", headers: init.headers, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(init.body);
  });
}

/** One cheap unsigned request (moto does not check signatures) so moto loads the service's backend. */
async function warmUp(endpoint: string, service: string): Promise<void> {
  const auth = `AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
  const json: Record<string, string> = {
    secretsmanager: "secretsmanager.ListSecrets",
    ssm: "AmazonSSM.DescribeParameters",
  };
  const target = json[service];
  if (target) {
    await httpStatus(endpoint, {
      method: "POST",
      headers: { authorization: auth, "x-amz-target": target, "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    }).catch(() => 0);
  } else if (service === "sts") {
    await httpStatus(endpoint, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    }).catch(() => 0);
  }
}
