// Spawns the BUILT `awsconn serve` and waits until it prints its address and token.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { BIN, cleanEnv } from "./runBin.js";

export const execFileP = promisify(execFile);

/** A running `awsconn serve` child. */
export interface ServeProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The printed token (undefined with `--token-file`). */
  token?: string;
  /** The printed AWS_CONTAINER_CREDENTIALS_FULL_URI. */
  uri: string;
  stderr(): string;
  /** Sends SIGTERM and resolves the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `awsconn serve ...args` with the given environment (on top of the clean test environment). */
export function startServe(args: readonly string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, "serve", ...args], {
    env: cleanEnv(env),
    cwd: mkdtempSync(join(tmpdir(), "awsconn-serve-")),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), 30_000);
    child.stdout?.resume();
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      const uri = /^AWS_CONTAINER_CREDENTIALS_FULL_URI=(.+)$/m.exec(stderr)?.[1];
      const token = /^AWS_CONTAINER_AUTHORIZATION_TOKEN=(.+)$/m.exec(stderr)?.[1];
      const tokenFile = /^AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=(.+)$/m.exec(stderr)?.[1];
      if (url && uri && (token || tokenFile)) {
        clearTimeout(timer);
        resolve({
          child,
          url,
          uri,
          ...(token ? { token } : {}),
          stderr: () => stderr,
          stop: () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it listened:\n${stderr}`));
    });
  });
}

/** Environment for a foreign SDK in a child process: no home config, no IMDS, only what is given. */
export function sdkEnv(extra: Record<string, string>): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), "awsconn-sdk-"));
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    AWS_CONFIG_FILE: join(home, "none"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "none"),
    AWS_EC2_METADATA_DISABLED: "true",
    ...extra,
  };
}

/**
 * botocore's default chain in the repo's .venv, then STS GetCallerIdentity at `argv[1]`: prints the
 * credentials it found (and through which provider) and the caller's ARN.
 */
export const BOTOCORE_WHOAMI = [
  "import json, sys, botocore.session",
  "s = botocore.session.Session()",
  "c = s.get_credentials()",
  "f = c.get_frozen_credentials()",
  'sts = s.create_client("sts", region_name="us-east-1", endpoint_url=sys.argv[1])',
  "who = sts.get_caller_identity()",
  'print(json.dumps({"method": c.method, "access_key": f.access_key, "secret_key": f.secret_key, "token": f.token, "arn": who["Arn"], "account": who["Account"]}))',
].join("\n");

/** The AWS SDK for JavaScript's default Node chain, then STS GetCallerIdentity at `argv[1]`. */
export const JS_SDK_WHOAMI = [
  'const { fromNodeProviderChain } = require("@aws-sdk/credential-providers");',
  'const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");',
  "(async () => {",
  "  const provider = fromNodeProviderChain();",
  "  const c = await provider();",
  '  const sts = new STSClient({ region: "us-east-1", endpoint: process.argv[1], credentials: provider });',
  "  const who = await sts.send(new GetCallerIdentityCommand({}));",
  "  console.log(JSON.stringify({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration, arn: who.Arn }));",
  "})().catch((e) => { console.error(e.name + ': ' + e.message); process.exit(1); });",
].join("\n");
