// `npm run pack:smoke` (CI, after the build): the packages as a user gets them from the registry.
//
// 1. `npm pack` every public workspace package into a temp folder;
// 2. @arethetypeswrong/cli on each tarball: no problem for node10, node16 (CommonJS and ESM), bundler;
// 3. installs all tarballs into a fresh app (third-party dependencies from npm's cache or registry);
// 4. against a local moto (testkit's startMoto, the repo's .venv): seeds a secret with the installed
//    `awsconn` bin, then runs an ES module script and a CommonJS script that resolve an env, a file
//    and a Secrets Manager connection, get AWS credentials, and check that errors from the other
//    module system's copy are recognised (`instanceof`, isAwsconnError);
// 5. `tsc --noEmit` (module node16) over an `.mts` and a `.cts` consumer;
// 6. an env/file-only app (every library tarball but the CLI, no AWS SDK client: they are optional
//    peer dependencies): no `@aws-sdk/*` package is installed, env and file lookups work from ESM and
//    CommonJS, and a Secrets Manager entry is a ConfigError naming the package to install; prints
//    both apps' node_modules size;
// 7. that app bundled by esbuild (ESM, the createRequire banner the README gives), run from a folder
//    with no node_modules: a config given in code is validated (without zod, which a bundle leaves out:
//    a bad one gets its first problem named) and a YAML file read (yaml).
// Prints one line per step; exits non-zero on the first failure, leaving the temp folder for a look.
import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { packPublicPackages, publicPackages as publicPackageList, root } from "./packWorkspaces.mjs";

const require = createRequire(import.meta.url);
const started = Date.now();
const step = (what) => console.log(`pack:smoke: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const work = mkdtempSync(join(tmpdir(), "awsconn-pack-smoke-"));
const packs = join(work, "packs");
const app = join(work, "app");
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSMOKEKEY";

const publicPackages = publicPackageList().map((p) => p.name);

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, {
    cwd: app,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    ...options,
  });
}

/** Runs up to `limit` commands at once; rejects with the output of the first that fails. */
async function parallel(jobs, limit = 2) {
  const failures = [];
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [cmd, args, label] = job;
      const result = await new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (c) => (output += c));
        child.stderr.on("data", (c) => (output += c));
        child.on("close", (code) => resolve({ code, output }));
      });
      if (result.code !== 0) failures.push(`${label}:\n${result.output}`);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  if (failures.length) throw new Error(failures.join("\n"));
}

const ESM_SCRIPT = `
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { AwsconnError, ConnectionNotFoundError, createResolver, isAwsconnError } from "awsconn";
import { composeResolver } from "awsconn/compose";
import { fromEnv as envSource } from "awsconn/env";
import { fromSecretsManager } from "awsconn/secretsmanager";

const cjsCore = createRequire(import.meta.url)("@awsconn/core");
const resolver = createResolver({
  sources: [
    { type: "env" },
    { type: "file", path: "./connections.yaml" },
    { type: "secretsmanager", region: "us-east-1", endpoint: process.env.MOTO_ENDPOINT },
  ],
});
assert.equal((await resolver.get("smoke_env")).host, "env.example.com");
assert.equal((await resolver.get("smoke_file")).host, "file.example.com");
const fromMoto = await resolver.resolve("smoke_sm");
assert.equal(fromMoto.source, "secretsmanager");
assert.equal(fromMoto.connection.login, "AKIAIOSFODNN7EXAMPLE");
const config = await resolver.getAwsClientConfig("smoke_sm");
assert.equal((await config.credentials()).accessKeyId, "AKIAIOSFODNN7EXAMPLE");
const missing = await resolver.get("smoke_nowhere").catch((e) => e);
assert.ok(missing instanceof ConnectionNotFoundError && isAwsconnError(missing));
const fromCjs = new cjsCore.ConnectionNotFoundError("x");
assert.notEqual(cjsCore.ConnectionNotFoundError, ConnectionNotFoundError);
assert.ok(fromCjs instanceof ConnectionNotFoundError && fromCjs instanceof AwsconnError && isAwsconnError(fromCjs));
assert.ok(!(fromCjs instanceof cjsCore.SourceError));
const composed = composeResolver({
  sources: [envSource(), fromSecretsManager({ region: "us-east-1", endpoint: process.env.MOTO_ENDPOINT })],
});
assert.equal((await composed.get("smoke_env")).host, "env.example.com");
assert.equal((await composed.resolve("smoke_sm")).connection.login, "AKIAIOSFODNN7EXAMPLE");
console.log("esm ok");
`;

const CJS_SCRIPT = `
const assert = require("node:assert/strict");
const { AwsconnError, ConnectionNotFoundError, createResolver, isAwsconnError } = require("awsconn");
const { fromEnv } = require("@awsconn/source-env");
const { runCli } = require("@awsconn/cli");
const { composeResolver } = require("awsconn/compose");
const { fromFile } = require("awsconn/file");

(async () => {
  const esmCore = await import("@awsconn/core");
  const resolver = createResolver({
    sources: [
      { type: "env" },
      { type: "file", path: "./connections.yaml" },
      { type: "secretsmanager", region: "us-east-1", endpoint: process.env.MOTO_ENDPOINT },
    ],
  });
  assert.equal((await resolver.get("smoke_env")).host, "env.example.com");
  assert.equal((await resolver.get("smoke_file")).host, "file.example.com");
  assert.equal((await resolver.get("smoke_sm")).login, "AKIAIOSFODNN7EXAMPLE");
  assert.equal((await fromEnv().get("smoke_env")).origin, "env:AIRFLOW_CONN_SMOKE_ENV");
  assert.equal(typeof runCli, "function");
  const composed = composeResolver({ sources: [fromFile({ path: "./connections.yaml" })] });
  assert.equal((await composed.get("smoke_file")).host, "file.example.com");
  const missing = await resolver.get("smoke_nowhere").catch((e) => e);
  assert.ok(missing instanceof ConnectionNotFoundError && isAwsconnError(missing));
  const fromEsm = new esmCore.ConfigError("x");
  assert.ok(fromEsm instanceof AwsconnError && isAwsconnError(fromEsm) && !(fromEsm instanceof ConnectionNotFoundError));
  console.log("cjs ok");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

const LEAN_ESM = `
import assert from "node:assert/strict";
import { ConfigError, createResolver } from "awsconn";
const resolver = createResolver({ sources: [{ type: "env" }, { type: "file", path: "./connections.json" }] });
assert.equal((await resolver.get("smoke_env")).host, "env.example.com");
assert.equal((await resolver.get("smoke_file")).host, "file.example.com");
const error = (() => {
  try {
    createResolver({ sources: [{ type: "env" }, { type: "secretsmanager", region: "us-east-1" }] });
  } catch (e) {
    return e;
  }
})();
assert.ok(error instanceof ConfigError, String(error));
assert.equal(error.path, "sources[1]");
assert.ok(error.message.includes("npm install @aws-sdk/client-secrets-manager"), error.message);
console.log("lean esm ok");
`;
const LEAN_CJS = `
const assert = require("node:assert/strict");
const { ConfigError, createResolver } = require("awsconn");
(async () => {
  assert.equal((await createResolver().get("smoke_env")).host, "env.example.com");
  assert.throws(
    () => createResolver({ sources: [{ type: "ssm" }] }),
    (e) => e instanceof ConfigError && e.message.includes("npm install @aws-sdk/client-ssm"),
  );
  console.log("lean cjs ok");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
// An app bundled by esbuild (the README's recipe for Lambda): a config given in code is validated
// (the bundle carries no zod: a bad config gets its first problem named) and yaml reads a YAML file
// from inside the bundle, with no node_modules beside it.
const LEAN_BUNDLE = `
import assert from "node:assert/strict";
import { createResolver } from "awsconn";
const resolver = createResolver({ sources: [{ type: "env" }, { type: "file", path: process.env.SMOKE_YAML }] });
assert.equal((await resolver.get("smoke_env")).host, "env.example.com");
assert.equal((await resolver.get("smoke_yaml")).host, "yaml.example.com");
assert.throws(() => createResolver({ sorces: [] }), /did you mean "sources"/);
assert.throws(
  () => createResolver({ sources: [{ type: "ssm", endpoint: "127.0.0.1:4566" }] }),
  /endpoint: is not an absolute URL .*the first problem found/,
);
console.log("bundle ok");
`;
const TYPED = `
import {
  type Connection,
  type ConnectionSource,
  type SourceHit,
  ConnectionNotFoundError,
  createResolver,
  isAwsconnError,
} from "awsconn";
import { fromEnv } from "@awsconn/source-env";
import { fromFile } from "@awsconn/source-file";
import { resolveAwsConfig } from "@awsconn/credentials";
import { runCli } from "@awsconn/cli";
import { type ComposeConfig, composeResolver } from "awsconn/compose";
import { fromEnv as envOnly } from "awsconn/env";

export const composed: ComposeConfig = { sources: [envOnly()], cache: { ttlSeconds: 60 } };
export const composedHost = async (): Promise<string | undefined> =>
  (await composeResolver(composed).get("smoke_env")).host;

export async function lookup(id: string): Promise<string | undefined> {
  const resolver = createResolver({ sources: [{ type: "env" }] });
  try {
    const connection: Connection = await resolver.get(id);
    const client = await resolver.getAwsClientConfig(id, "s3");
    return connection.host ?? client.region;
  } catch (error) {
    if (error instanceof ConnectionNotFoundError) return error.connId;
    if (isAwsconnError(error)) return error.code;
    throw error;
  }
}

export const sources: ConnectionSource[] = [fromEnv(), fromFile({ path: "./connections.yaml" })];
export const first = async (): Promise<SourceHit | undefined> => sources[0]?.get("smoke_env");
export const kinds = [typeof resolveAwsConfig, typeof runCli];
`;

try {
  step(`packing ${publicPackages.length} packages into ${packs}`);
  mkdirSync(packs, { recursive: true });
  const packed = packPublicPackages(packs, publicPackages);
  for (const p of packed) {
    const files = p.files.map((f) => f.path);
    for (const must of ["LICENSE", "README.md", "package.json", "dist/esm/index.js", "dist/cjs/index.d.ts"])
      if (!files.includes(must)) throw new Error(`${p.filename} lacks ${must}`);
    const stray = files.filter((f) => /\.tsbuildinfo$|\.test\.ts$/.test(f));
    if (stray.length) throw new Error(`${p.filename} ships ${stray.join(", ")}`);
  }
  const tarballs = packed.map((p) => p.tarball);

  step("@arethetypeswrong/cli on every tarball");
  const attw = join(dirname(require.resolve("@arethetypeswrong/cli/package.json")), "dist/index.js");
  await parallel(tarballs.map((t) => [process.execPath, [attw, t, "--format", "ascii"], `attw ${t}`]));

  step("installing the tarballs into a fresh app");
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "package.json"), '{ "name": "awsconn-smoke-app", "private": true }\n');
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...tarballs]);

  step("starting moto");
  const { startMoto } = await import(pathToFileURL(join(root, "packages/testkit/dist/esm/moto.js")).href);
  const moto = await startMoto({ root, services: ["secretsmanager", "sts"] });
  try {
    writeFileSync(
      join(app, "connections.yaml"),
      "smoke_file:\n  conn_type: postgres\n  host: file.example.com\n",
      {
        mode: 0o600,
      },
    );
    writeFileSync(
      join(app, "seed.yaml"),
      ["smoke_sm:", "  conn_type: aws", "  login: AKIAIOSFODNN7EXAMPLE", `  password: ${SECRET}`, ""].join(
        "\n",
      ),
      { mode: 0o600 },
    );
    writeFileSync(
      join(app, "seed.config.yaml"),
      `sources:\n  - type: file\n    path: ./seed.yaml\n  - type: secretsmanager\n    region: us-east-1\n    endpoint: ${moto.endpoint}\n`,
    );
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: app,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: join(app, "no-aws-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(app, "no-aws-credentials"),
      AIRFLOW_CONN_SMOKE_ENV: "postgres://u:p@env.example.com:5432/db",
      MOTO_ENDPOINT: moto.endpoint,
    };
    step("the installed awsconn bin: --version, copy to Secrets Manager, get");
    const bin = join(app, "node_modules/.bin/awsconn");
    run(bin, ["--version"], { env });
    run(
      bin,
      ["--config", "seed.config.yaml", "copy", "smoke_sm", "--from", "file", "--to", "secretsmanager"],
      { env },
    );
    const shown = run(bin, ["--config", "seed.config.yaml", "get", "smoke_sm", "--json"], { env });
    if (shown.includes(SECRET)) throw new Error("awsconn get printed the secret");

    step("an ES module script and a CommonJS script");
    writeFileSync(join(app, "smoke.mjs"), ESM_SCRIPT);
    writeFileSync(join(app, "smoke.cjs"), CJS_SCRIPT);
    for (const script of ["smoke.mjs", "smoke.cjs"]) {
      const out = run(process.execPath, [script], { env }).trim();
      if (!/ ok$/.test(out)) throw new Error(`${script}: ${out}`);
    }
  } finally {
    await moto.stop();
  }

  step("tsc --noEmit over .mts and .cts consumers (module node16)");
  writeFileSync(join(app, "consumer.mts"), TYPED);
  writeFileSync(join(app, "consumer.cts"), TYPED);
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "node16",
        moduleResolution: "node16",
        target: "ES2022",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
      },
      files: ["consumer.mts", "consumer.cts"],
    }),
  );
  run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json"]);

  step("an env/file-only app: no AWS SDK installed, env and file lookups, a ConfigError for Secrets Manager");
  const lean = join(work, "lean");
  mkdirSync(lean, { recursive: true });
  writeFileSync(join(lean, "package.json"), '{ "name": "awsconn-smoke-lean", "private": true }\n');
  const libraries = packed.filter((p) => p.name !== "@awsconn/cli" && p.name !== "@awsconn/source-kit");
  const leanTarballs = libraries.map((p) => p.tarball);
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...leanTarballs],
    {
      cwd: lean,
    },
  );
  if (existsSync(join(lean, "node_modules/@aws-sdk")))
    throw new Error(
      `the env/file-only app has @aws-sdk packages: ${readdirSync(join(lean, "node_modules/@aws-sdk"))}`,
    );
  writeFileSync(
    join(lean, "connections.json"),
    '{"smoke_file": {"conn_type": "postgres", "host": "file.example.com"}}\n',
    { mode: 0o600 },
  );
  writeFileSync(join(lean, "lean.mjs"), LEAN_ESM);
  writeFileSync(join(lean, "lean.cjs"), LEAN_CJS);
  const leanEnv = {
    PATH: process.env.PATH ?? "",
    HOME: lean,
    AIRFLOW_CONN_SMOKE_ENV: "postgres://u:p@env.example.com:5432/db",
  };
  for (const script of ["lean.mjs", "lean.cjs"]) {
    const out = run(process.execPath, [script], { cwd: lean, env: leanEnv }).trim();
    if (!/ ok$/.test(out)) throw new Error(`${script}: ${out}`);
  }
  step("the env/file-only app bundled by esbuild (ESM, createRequire banner), run with no node_modules");
  const bundled = join(work, "bundled");
  mkdirSync(bundled, { recursive: true });
  writeFileSync(join(lean, "bundle-entry.mjs"), LEAN_BUNDLE);
  writeFileSync(
    join(bundled, "connections.yaml"),
    "smoke_yaml:\n  conn_type: http\n  host: yaml.example.com\n",
    {
      mode: 0o600,
    },
  );
  require("esbuild").buildSync({
    entryPoints: [join(lean, "bundle-entry.mjs")],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile: join(bundled, "app.mjs"),
    banner: {
      js: "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);",
    },
    // No AWS source here: the optional SDK clients are not installed, so they stay out (as the README says).
    external: ["@aws-sdk/*"],
    logLevel: "error",
  });
  if (/ZodError|\$ZodType/.test(readFileSync(join(bundled, "app.mjs"), "utf8")))
    throw new Error("the bundled app carries zod");
  const bundleOut = run(process.execPath, ["app.mjs"], {
    cwd: bundled,
    env: { ...leanEnv, SMOKE_YAML: join(bundled, "connections.yaml") },
  }).trim();
  if (!/bundle ok$/.test(bundleOut)) throw new Error(`bundled app: ${bundleOut}`);
  const kib = (dir) => run("du", ["-sk", join(dir, "node_modules")]).split("\t")[0];
  step(
    `installed size: env/file-only app ${kib(lean)} KiB; full app (CLI, Secrets Manager, SSM, STS) ${kib(app)} KiB`,
  );
  step("passed");
  rmSync(work, { recursive: true, force: true });
} catch (error) {
  const detail = [error.message, error.stdout, error.stderr].filter(Boolean).join("\n");
  console.error(`pack:smoke: FAILED (the work folder stays: ${work})\n${detail}`);
  process.exitCode = 1;
}
