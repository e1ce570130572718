// A profile whose credential_process is `awsconn credentials ...`, used through AWS_PROFILE, while the
// awsconn config reads Secrets Manager (moto) with no profile of its own: awsconn's Secrets Manager
// client reads AWS_PROFILE too and would run awsconn again, and again. The real botocore and the AWS
// SDK for JavaScript read the profile; every awsconn process that starts is counted (NODE_OPTIONS
// preloads a script that appends its pid, arguments and the loop marker to a file).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { awsTestClientConfig, ensureVenv, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { beforeAll, describe, expect, it } from "vitest";
import { CREDENTIAL_PROCESS_CHAIN_VAR } from "../src/credentialProcessChain.js";
import { BIN, requireBuiltBin } from "./runBin.js";

const run = promisify(execFile);
const prefix = `${uniquePrefix("cli-loop")}/connections`;
const CONN_KEY = "AKIALOOPCONNECTION01";

let python: string;
let dir: string;
let awsConfig: string;
let count: string;

beforeAll(async () => {
  requireBuiltBin();
  python = await ensureVenv();
  dir = mkdtempSync(join(tmpdir(), "awsconn-loop-"));
  await new SecretsManagerClient(awsTestClientConfig()).send(
    new CreateSecretCommand({
      Name: `${prefix}/aws_default`,
      SecretString: JSON.stringify({ conn_type: "aws", login: CONN_KEY, password: "loop-secret" }),
    }),
  );
  const source = (extra: string) =>
    `sources:\n  - type: secretsmanager\n    prefix: ${prefix}\n    region: us-east-1\n    endpoint: ${motoEndpoint()}\n${extra}`;
  writeFileSync(join(dir, "loop.yaml"), source(""));
  writeFileSync(join(dir, "fixed.yaml"), source("    profile: keys\n"));
  awsConfig = join(dir, "config");
  const awsconn = (config: string) =>
    `${process.execPath} ${BIN} credentials aws_default --format process --config ${join(dir, config)}`;
  writeFileSync(
    awsConfig,
    [
      "[profile etl]",
      `credential_process = ${awsconn("loop.yaml")}`,
      "[profile fixed]",
      `credential_process = ${awsconn("fixed.yaml")}`,
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(dir, "credentials"),
    "[keys]\naws_access_key_id = testing\naws_secret_access_key = testing\n",
  );
  count = join(dir, "count");
  writeFileSync(
    join(dir, "count.cjs"),
    `require("node:fs").appendFileSync(${JSON.stringify(count)}, JSON.stringify({ pid: process.pid, args: process.argv.slice(2), chain: process.env.${CREDENTIAL_PROCESS_CHAIN_VAR} ?? null }) + "\\n");\n`,
  );
});

/** The environment of a program that uses profile `profile` through AWS_PROFILE, counting node starts. */
function env(profile: string): Record<string, string> {
  writeFileSync(count, "");
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PROFILE: profile,
    NODE_OPTIONS: `--require ${join(dir, "count.cjs")}`,
  };
}

interface Start {
  pid: number;
  args: string[];
  chain: string | null;
}
/** The awsconn processes that started (the JS test program itself is node too: left out). */
const awsconnStarts = (): Start[] =>
  readFileSync(count, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Start)
    .filter((s) => s.args[0] === "credentials");

const BOTOCORE = [
  "import json, botocore.session",
  "try:",
  "    c = botocore.session.Session().get_credentials().get_frozen_credentials()",
  '    print(json.dumps({"access_key": c.access_key}))',
  "except Exception as e:",
  '    print(json.dumps({"error": type(e).__name__, "message": str(e)}))',
].join("\n");

const JS_SDK = (provider: string) =>
  [
    'const p = require("@aws-sdk/credential-providers");',
    `(${provider})().then((c) => console.log(JSON.stringify({ access_key: c.accessKeyId })),`,
    "  (e) => console.log(JSON.stringify({ error: e.name, message: e.message })));",
  ].join("\n");

function expectLoopMessage(message: string) {
  expect(message).toContain("credential_process loop:");
  expect(message).toContain('profile "etl" (AWS_PROFILE)');
  expect(message).toContain("Break the loop: set `profile:`");
  expect(message).toContain("keep AWS_PROFILE away from awsconn");
  expect(message).not.toContain("loop-secret");
}

describe("a credential_process that would start awsconn from awsconn", () => {
  it("botocore: the nested awsconn refuses at once; two awsconn processes in all; the error names the profile and the way out", async () => {
    const started = performance.now();
    const { stdout } = await run(python, ["-c", BOTOCORE], { env: env("etl") });
    const got = JSON.parse(stdout) as { error?: string; message: string };
    expect(got.error).toBe("CredentialRetrievalError");
    expectLoopMessage(got.message);
    const starts = awsconnStarts();
    expect(starts.map((s) => s.chain)).toEqual([null, "aws_default"]);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("the AWS SDK for JavaScript, fromIni: the same two processes and message", async () => {
    const { stdout } = await run(process.execPath, ["-e", JS_SDK('p.fromIni({ profile: "etl" })')], {
      env: env("etl"),
      cwd: join(import.meta.dirname, ".."),
    });
    const got = JSON.parse(stdout) as { error?: string; message: string };
    expect(got.error).toBe("CredentialsProviderError");
    expect(got.message).toContain("credential_process loop:");
    expect(awsconnStarts().map((s) => s.chain)).toEqual([null, "aws_default"]);
  });

  it("the AWS SDK for JavaScript, default chain: it runs the profile's process twice itself; each of those starts one awsconn more, never a third level", async () => {
    const { stdout } = await run(process.execPath, ["-e", JS_SDK("p.fromNodeProviderChain()")], {
      env: env("etl"),
      cwd: join(import.meta.dirname, ".."),
    });
    expect(JSON.parse(stdout).error).toBe("CredentialsProviderError");
    const chains = awsconnStarts().map((s) => s.chain);
    expect(chains.sort()).toEqual([null, null, "aws_default", "aws_default"].sort());
  });

  it("the way out the message gives (`profile:` on the source) works: the connection's keys, one process", async () => {
    const { stdout } = await run(python, ["-c", BOTOCORE], { env: env("fixed") });
    expect(JSON.parse(stdout)).toEqual({ access_key: CONN_KEY });
    expect(awsconnStarts()).toHaveLength(1);
  });
});
