// `awsconn exec` (the built binary): a clean AWS environment for the child, the connection's keys or a
// private credentials endpoint (--serve), stdio, signals and exit codes passed through; boto3 from the
// repo's .venv as the child, against moto's STS.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureVenv, motoEndpoint } from "@awsconn/testkit/moto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSecret, MARKER, SECRET } from "./plant.js";
import { BIN, cleanEnv, requireBuiltBin, runBin } from "./runBin.js";

const NODE = process.execPath;
const PRINT_ENV = "process.stdout.write(JSON.stringify(process.env))";
const STATIC_KEY = "AKIAEXECSTATIC0001";

let moto: string;
let python: string;
let conns: Record<string, string>;

beforeAll(async () => {
  requireBuiltBin();
  moto = motoEndpoint();
  python = await ensureVenv();
  conns = {
    AIRFLOW_CONN_STATIC: JSON.stringify({
      conn_type: "aws",
      login: STATIC_KEY,
      password: SECRET,
      extra: {
        region_name: "eu-west-1",
        endpoint_url: "http://127.0.0.1:4566",
        service_config: { s3: { endpoint_url: "http://127.0.0.1:9000" } },
      },
    }),
    AIRFLOW_CONN_AWS_DEFAULT: JSON.stringify({
      conn_type: "aws",
      login: "testing",
      password: "testing",
      extra: {
        role_arn: "arn:aws:iam::123456789012:role/exec-role",
        region_name: "us-east-1",
        service_config: { sts: { endpoint_url: moto } },
      },
    }),
  };
});

/** Every inherited credential setting exec must remove, each with a stale value. */
const INHERITED = {
  AWS_ACCESS_KEY_ID: "AKIASTALESTALESTALE",
  AWS_SECRET_ACCESS_KEY: "stale-secret",
  AWS_SESSION_TOKEN: "stale-token",
  AWS_SECURITY_TOKEN: "stale-token",
  AWS_CREDENTIAL_EXPIRATION: "2000-01-01T00:00:00Z",
  AWS_PROFILE: "stale-profile",
  AWS_DEFAULT_PROFILE: "stale-profile",
  AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1:1/stale",
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/stale",
  AWS_CONTAINER_AUTHORIZATION_TOKEN: "stale",
  AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: "/stale",
  AWS_WEB_IDENTITY_TOKEN_FILE: "/stale",
  AWS_ROLE_ARN: "arn:aws:iam::000000000000:role/stale",
  AWS_ROLE_SESSION_NAME: "stale",
};

const exec = (args: string[], env: Record<string, string> = {}, input?: string) =>
  runBin(["exec", ...args], { env: { ...conns, ...env }, ...(input !== undefined ? { input } : {}) });

describe("the child's environment", () => {
  it("inherited AWS credential settings are removed; the connection's keys, region and endpoint are set", async () => {
    const r = await exec(["static", "--", NODE, "-e", PRINT_ENV], {
      ...INHERITED,
      AWS_REGION: "ap-south-1",
      KEEP_ME: "yes",
    });
    expect(r.code).toBe(0);
    const env = JSON.parse(r.stdout) as Record<string, string>;
    const aws = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("AWS_")));
    expect(aws).toEqual({
      AWS_ACCESS_KEY_ID: STATIC_KEY,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_REGION: "eu-west-1",
      AWS_DEFAULT_REGION: "eu-west-1",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
      // from the test environment (runBin's clean env), not credentials:
      AWS_CONFIG_FILE: expect.any(String),
      AWS_SHARED_CREDENTIALS_FILE: expect.any(String),
      AWS_EC2_METADATA_DISABLED: "true",
    });
    expect(env.KEEP_ME).toBe("yes");
  });

  it("--service s3: that service's endpoint as AWS_ENDPOINT_URL_S3", async () => {
    const r = await exec(["static", "--service", "s3", "--", NODE, "-e", PRINT_ENV]);
    const env = JSON.parse(r.stdout) as Record<string, string>;
    expect(env.AWS_ENDPOINT_URL_S3).toBe("http://127.0.0.1:9000");
    expect(env.AWS_ENDPOINT_URL).toBeUndefined();
  });

  it("--serve: no keys in the environment, a private endpoint and its token instead", async () => {
    const r = await exec(["static", "--serve", "--", NODE, "-e", PRINT_ENV], INHERITED);
    expect(r.code).toBe(0);
    const env = JSON.parse(r.stdout) as Record<string, string>;
    expect(env.AWS_ACCESS_KEY_ID).toBeUndefined();
    expect(env.AWS_SECRET_ACCESS_KEY).toBeUndefined();
    expect(env.AWS_PROFILE).toBeUndefined();
    expect(env.AWS_CONTAINER_CREDENTIALS_FULL_URI).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/credentials\/static$/,
    );
    expect(env.AWS_CONTAINER_AUTHORIZATION_TOKEN).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).toBeUndefined();
    expect(env.AWS_REGION).toBe("eu-west-1");
    // (AIRFLOW_CONN_* pass through untouched, like every variable that is not an AWS credential setting.)
    expect(JSON.stringify(Object.entries(env).filter(([k]) => k.startsWith("AWS_")))).not.toContain(MARKER);
    // The server lived as long as the child: it is gone now.
    await expect(fetch(env.AWS_CONTAINER_CREDENTIALS_FULL_URI as string)).rejects.toThrow();
  });
});

describe("stdio, exit codes and signals", () => {
  it("stdin, stdout and stderr are the child's", async () => {
    const script =
      "let s='';process.stdin.on('data',c=>s+=c).on('end',()=>{process.stdout.write(s.toUpperCase());process.stderr.write('to stderr\\n')})";
    const r = await exec(["static", "--", NODE, "-e", script], {}, "hello child\n");
    expect(r.stdout).toBe("HELLO CHILD\n");
    expect(r.stderr).toContain("to stderr");
  });

  it("the child's exit code, or 128 + the signal that ended it", async () => {
    expect((await exec(["static", "--", NODE, "-e", "process.exit(7)"])).code).toBe(7);
    expect((await exec(["static", "--", NODE, "-e", "process.kill(process.pid, 'SIGTERM')"])).code).toBe(143);
    expect((await exec(["static", "--", NODE, "-e", "process.kill(process.pid, 'SIGKILL')"])).code).toBe(137);
    expect((await exec(["static", "--serve", "--", NODE, "-e", "process.exit(3)"])).code).toBe(3);
  });

  it.each(["SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1"] as const)(
    "%s sent to awsconn reaches the child",
    async (signal) => {
      const script = `process.on('${signal}',()=>{process.stdout.write('got ${signal}\\n');process.exit(42)});process.stdout.write('ready\\n');setInterval(()=>{},1000)`;
      const child = spawn(NODE, [BIN, "exec", "static", "--", NODE, "-e", script], {
        env: cleanEnv(conns),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString("utf8");
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (c: Buffer) => {
          stdout += c.toString("utf8");
          if (stdout.includes("ready")) resolve();
        });
        exited.then((code) =>
          reject(new Error(`exec exited with ${code} before the child was ready:\n${stderr}`)),
        );
      });
      child.kill(signal);
      expect(await exited).toBe(42);
      expect(stdout).toContain(`got ${signal}`);
    },
  );

  it("a missing connection: exit 3 and the command never runs; a missing program: 127", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), "awsconn-exec-")), "ran");
    const r = await exec([
      "nowhere",
      "--",
      NODE,
      "-e",
      `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
    ]);
    expect(r.code).toBe(3);
    expect(existsSync(marker)).toBe(false);
    const missing = await exec(["static", "--", "no-such-program-awsconn"]);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain("no-such-program-awsconn: command not found");
    expect((await exec(["static"])).code).toBe(2);
  });
});

describe("boto3 as the child, against moto's STS", () => {
  const WHOAMI = [
    "import json, sys, boto3",
    "s = boto3.session.Session()",
    'who = s.client("sts", endpoint_url=sys.argv[1]).get_caller_identity()',
    'print(json.dumps({"arn": who["Arn"], "method": s.get_credentials().method, "region": s.region_name}))',
  ].join("\n");

  it("keys in the environment: prints the assumed role's ARN", async () => {
    const r = await exec(["aws_default", "--", python, "-c", WHOAMI, moto], INHERITED);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      arn: "arn:aws:sts::123456789012:assumed-role/exec-role/airflow_aws_default",
      method: "env",
      region: "us-east-1",
    });
  });

  it("--serve: boto3 fetches the role's credentials from the private endpoint", async () => {
    const r = await exec(["aws_default", "--serve", "--", python, "-c", WHOAMI, moto], INHERITED);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      arn: "arn:aws:sts::123456789012:assumed-role/exec-role/airflow_aws_default",
      method: "container-role",
      region: "us-east-1",
    });
  });
});

describe("exec passes the command on untouched and signals once (14.7)", () => {
  const PRINT_ARGV = "process.stdout.write(JSON.stringify(process.argv.slice(1)))";

  it("without --, option parsing stops at the program: its flags (even awsconn's) reach it", async () => {
    const flags = [
      "--verbose",
      "--json",
      "-q",
      "--config",
      "x.yaml",
      "--service",
      "s3",
      "--serve",
      "--",
      "-h",
    ];
    const r = await exec(["static", NODE, "-e", PRINT_ARGV, "--", ...flags]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(flags);
    const before = await runBin(
      ["--quiet", "exec", "--service", "s3", "static", NODE, "-e", PRINT_ARGV, "a", "--json"],
      {
        env: conns,
      },
    );
    expect(JSON.parse(before.stdout)).toEqual(["a", "--json"]);
  });

  /** Runs `awsconn exec static -- node <counter>` on a pseudo-terminal (ptyRun.py). */
  async function onTerminal(signal: string, action: { keys?: string; kill?: string }) {
    const counter = `let n=0;process.on('${signal}',()=>{if(++n===1)setTimeout(()=>{process.stdout.write('GOT '+n+'\\n');process.exit(42)},700)});process.stdout.write('READY\\n');setInterval(()=>{},1000)`;
    const spec = {
      argv: [NODE, BIN, "--verbose", "exec", "static", "--", NODE, "-e", counter],
      env: cleanEnv(conns),
      ...action,
    };
    const pty = join(dirname(fileURLToPath(import.meta.url)), "ptyRun.py");
    const result = JSON.parse(execFileSync(python, [pty, JSON.stringify(spec)], { encoding: "utf8" }));
    // Two signals that arrive together may merge into one in the kernel, so the count alone does not
    // always show a second delivery; awsconn's --verbose line says what it did.
    const passed = /exec: SIG[A-Z]+ passed on/.test(result.output);
    return { code: result.code as number, got: Number(/GOT (\d+)/.exec(result.output)?.[1]), passed };
  }

  it("Ctrl-C and Ctrl-\\ on the terminal reach the child once (the terminal already delivered them)", async () => {
    expect(await onTerminal("SIGINT", { keys: "\u0003" })).toEqual({ code: 42, got: 1, passed: false });
    expect(await onTerminal("SIGQUIT", { keys: "\u001c" })).toEqual({ code: 42, got: 1, passed: false });
  });

  it("SIGTERM and SIGHUP sent to awsconn alone are still passed on, on a terminal too", async () => {
    expect(await onTerminal("SIGTERM", { kill: "SIGTERM" })).toEqual({ code: 42, got: 1, passed: true });
    expect(await onTerminal("SIGHUP", { kill: "SIGHUP" })).toEqual({ code: 42, got: 1, passed: true });
  });

  it("--serve warns about every shadowing source in ~/.aws/config and ~/.aws/credentials", async () => {
    const home = mkdtempSync(join(tmpdir(), "awsconn-exec-shadow-"));
    const config = join(home, "config");
    const credentials = join(home, "credentials");
    writeFileSync(
      config,
      "[profile etl]\nrole_arn = x\n[default]\nregion = us-east-1\ncredential_process = /bin/false\n",
    );
    writeFileSync(credentials, "[default]\naws_access_key_id = AKIASHADOW\naws_secret_access_key = s\n");
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
    const r = await exec(["static", "--serve", "--", NODE, "-e", "0"], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${config} [default] has credential_process: AWS SDKs use it before the --serve endpoint`,
    );
    expect(r.stderr).toContain(`${credentials} [default] has aws_access_key_id: AWS SDKs use it`);
    writeFileSync(config, "[profile default]\nsso_session = corp\n");
    expect((await exec(["static", "--serve", "--", NODE, "-e", "0"], env)).stderr).toContain(
      `${config} [default] has sso_session`,
    );
  });

  it("inherited AWS_ENDPOINT_URL* are removed unless the connection sets them", async () => {
    const inherited = {
      AWS_ENDPOINT_URL: "http://inherited:1",
      AWS_ENDPOINT_URL_S3: "http://inherited:2",
      AWS_ENDPOINT_URL_STS: "http://inherited:3",
    };
    for (const mode of [[], ["--serve"]]) {
      const env = JSON.parse(
        (await exec(["static", ...mode, "--", NODE, "-e", PRINT_ENV], inherited)).stdout,
      );
      expect(env.AWS_ENDPOINT_URL).toBe("http://127.0.0.1:4566");
      expect(env.AWS_ENDPOINT_URL_S3).toBeUndefined();
      expect(env.AWS_ENDPOINT_URL_STS).toBeUndefined();
    }
    const s3 = JSON.parse(
      (await exec(["static", "--service", "s3", "--", NODE, "-e", PRINT_ENV], inherited)).stdout,
    );
    expect(s3.AWS_ENDPOINT_URL_S3).toBe("http://127.0.0.1:9000");
    expect(s3.AWS_ENDPOINT_URL).toBeUndefined();
  });

  it("a connection value with a NUL byte: exit 5 naming the variable, never the value", async () => {
    const env = {
      AIRFLOW_CONN_NUL: JSON.stringify({ conn_type: "aws", login: "AKIANUL", password: `a\u0000${SECRET}` }),
    };
    const r = await exec(["nul", "--", NODE, "-e", "0"], env);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("AWS_SECRET_ACCESS_KEY would hold a NUL byte");
    expectNoSecret(r);
  });
});
