#!/usr/bin/env node
// `npm run demo`: awsconn end to end, with the built `awsconn` binary.
//
// 1. starts a real moto server (the testkit's startMoto: a pinned moto in the repo's .venv),
// 2. seeds airflow/connections/aws_default in Secrets Manager (with `awsconn copy`): a role to assume,
// 3. runs `awsconn explain`, `awsconn get`, `awsconn credentials --format json` (STS AssumeRole on moto),
// 4. layers an AIRFLOW_CONN_AWS_DEFAULT variable on top of Secrets Manager (merge mode) and shows the result,
// 5. stops moto.
// Without Python it falls back to the bundled examples/connections.yaml plus env layering, and says so.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const bin = join(root, "packages/cli/dist/esm/bin.js");
const startMotoModule = join(root, "packages/testkit/dist/esm/startMoto.js");
const { NO_COLOR: noColor, PYTHON: python = "python3" } = process.env;
const tty = process.stdout.isTTY && !noColor;
const bold = (s) => (tty ? `\u001b[1m${s}\u001b[22m` : s);
const dim = (s) => (tty ? `\u001b[2m${s}\u001b[22m` : s);

if (!existsSync(bin)) {
  console.error(`demo: ${bin} is missing; run \`npm run demo\` (it builds first) or \`npm run build\`.`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "awsconn-demo-"));
// Only what the demo sets: no AWS credentials or profiles from the calling shell leak in.
const baseEnv = {
  PATH: process.env.PATH ?? "",
  HOME: work,
  AWS_CONFIG_FILE: join(work, "aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: join(work, "aws-credentials"),
  AWS_EC2_METADATA_DISABLED: "true",
  ...(noColor ? { NO_COLOR: noColor } : {}),
};

function section(title) {
  console.log(`\n${bold(`== ${title}`)}`);
}

/** Runs the built awsconn, echoing the command line first; fails the demo on an unexpected exit code. */
function awsconn(args, { env = {}, shown = "", expect = 0 } = {}) {
  console.log(dim(`$ ${shown}awsconn ${args.join(" ")}`));
  const r = spawnSync(process.execPath, [bin, ...args], {
    stdio: "inherit",
    env: { ...baseEnv, ...env },
    cwd: work,
  });
  if (r.status !== expect) {
    throw new Error(`awsconn ${args.join(" ")} exited with ${r.status ?? r.signal}, expected ${expect}`);
  }
}

function pythonAvailable() {
  const r = spawnSync(python, ["--version"], { encoding: "utf8" });
  return r.status === 0;
}

async function startMoto() {
  if (!pythonAvailable()) return { why: "python3 was not found" };
  try {
    const { startMoto } = await import(pathToFileURL(startMotoModule).href);
    // The virtualenv with the pinned moto: created on the first run (with uv, about 10 s), with its
    // progress shown; a no-op afterwards.
    const venv = spawnSync("bash", [join(root, "scripts/setup-venv.sh")], { stdio: "inherit" });
    if (venv.status !== 0) return { why: `scripts/setup-venv.sh exited with ${venv.status ?? venv.signal}` };
    console.log(dim("starting moto..."));
    return { moto: await startMoto({ root }) };
  } catch (error) {
    return { why: `moto did not start (${String(error).split("\n")[0]})` };
  }
}

async function withMoto(moto) {
  const aws = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" };
  const seed = join(work, "seed.yaml");
  writeFileSync(
    seed,
    [
      "aws_default:",
      "  conn_type: aws",
      "  login: AKIADEMOSOURCEKEY",
      "  password: demo-source-secret",
      "  extra:",
      "    role_arn: arn:aws:iam::123456789012:role/demo-etl",
      "    region_name: us-east-1",
      "    service_config:",
      "      sts:",
      `        endpoint_url: ${moto.endpoint}`,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  const smEntry = `  - type: secretsmanager\n    endpoint: ${moto.endpoint}\n    region: us-east-1\n`;
  writeFileSync(
    join(work, "seed.config.yaml"),
    `sources:\n  - type: file\n    path: ./seed.yaml\n${smEntry}`,
  );
  writeFileSync(join(work, "awsconn.config.yaml"), `sources:\n  - type: env\n${smEntry}`);
  writeFileSync(join(work, "merge.config.yaml"), `sources:\n  - type: env\n${smEntry}mode: merge\n`);

  section(`moto is running at ${moto.endpoint}; seed airflow/connections/aws_default in Secrets Manager`);
  awsconn(["--config", "seed.config.yaml", "copy", "aws_default", "--to", "secretsmanager", "--dry-run"], {
    env: aws,
  });
  awsconn(["--config", "seed.config.yaml", "copy", "aws_default", "--to", "secretsmanager"], { env: aws });

  section("which source answers for aws_default? (./awsconn.config.yaml: env, then Secrets Manager)");
  awsconn(["explain", "aws_default"], { env: aws });
  section("the connection (secrets print as ***)");
  awsconn(["get", "aws_default"], { env: aws });
  section("credentials: AssumeRole through moto's STS, session name from Airflow's rule");
  awsconn(["credentials", "aws_default", "--format", "json"], { env: aws });

  const override = "aws://?region_name=eu-central-1";
  section("an env override layered on top of Secrets Manager (mode: merge): only region_name changes");
  const env = { ...aws, AIRFLOW_CONN_AWS_DEFAULT: override };
  const shown = `AIRFLOW_CONN_AWS_DEFAULT='${override}' `;
  awsconn(["--config", "merge.config.yaml", "explain", "aws_default"], { env, shown });
  awsconn(["--config", "merge.config.yaml", "get", "aws_default"], { env, shown });
  section("with mode: first (Airflow's rule) the env variable replaces the whole connection");
  awsconn(["explain", "aws_default"], { env, shown });
}

function withoutMoto(why) {
  section(
    `Python/moto not available (${why}): using the bundled examples/connections.yaml plus env layering`,
  );
  const examples = join(root, "examples");
  // A private copy: a connections file holds secrets, and awsconn warns when others can read it.
  copyFileSync(join(examples, "connections.yaml"), join(work, "connections.yaml"));
  chmodSync(join(work, "connections.yaml"), 0o600);
  writeFileSync(
    join(work, "awsconn.config.yaml"),
    "sources:\n  - type: env\n  - type: file\n    path: ./connections.yaml\n",
  );
  writeFileSync(
    join(work, "merge.config.yaml"),
    "sources:\n  - type: env\n  - type: file\n    path: ./connections.yaml\nmode: merge\n",
  );
  awsconn(["check", join(examples, "connections.yaml"), join(examples, "awsconn.config.yaml")]);
  section("which source answers for aws_default? (env, then the file)");
  awsconn(["explain", "aws_default"]);
  section("the connection (secrets print as ***)");
  awsconn(["get", "aws_default"]);
  section("credentials for the SDK (static keys from the file)");
  awsconn(["credentials", "aws_default", "--format", "json"]);
  const override = "aws://?region_name=eu-central-1";
  const env = { AIRFLOW_CONN_AWS_DEFAULT: override };
  const shown = `AIRFLOW_CONN_AWS_DEFAULT='${override}' `;
  section("an env override layered on top of the file (mode: merge): only region_name changes");
  awsconn(["--config", "merge.config.yaml", "explain", "aws_default"], { env, shown });
  awsconn(["--config", "merge.config.yaml", "get", "aws_default"], { env, shown });
}

let moto;
try {
  const started = await startMoto();
  moto = started.moto;
  if (moto) await withMoto(moto);
  else withoutMoto(started.why);
  console.log(`\n${bold("demo finished")}`);
} catch (error) {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (moto) {
    await moto.stop();
    console.log(dim("moto stopped"));
  }
  rmSync(work, { recursive: true, force: true });
}
