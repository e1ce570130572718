import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { AWS_TEST_ENV, awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { runNodeScript } from "@awsconn/testkit/process";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Issue 17, the Lambda-shaped bundle: a handler on awsconn/compose and awsconn/secretsmanager,
// bundled by esbuild from the built package as an app would, holds only the source it names (no
// SSM client, no file source, no YAML parser, no STS client), and the bundle alone (run outside
// the repository, so no node_modules to fall back on) reads aws_default from Secrets Manager (moto).
const HANDLER = fileURLToPath(new URL("fixtures/composedHandler.mjs", import.meta.url));
const BANNER = "import{createRequire as __r}from'node:module';const require=__r(import.meta.url);";
const prefix = uniquePrefix("compose-bundle");
const KEY_ID = "AKIACOMPOSEDBUNDLE01";
let dir: string;
let outfile: string;
let inputs: string[];

beforeAll(async () => {
  const sm = new SecretsManagerClient(awsTestClientConfig());
  await sm.send(
    new CreateSecretCommand({
      Name: `${prefix}/aws_default`,
      SecretString: JSON.stringify({
        conn_type: "aws",
        login: KEY_ID,
        password: "composed-bundle-secret",
        extra: { region_name: "eu-west-2" },
      }),
    }),
  );
  dir = mkdtempSync(join(tmpdir(), "awsconn-compose-bundle-"));
  outfile = join(dir, "handler.mjs");
  const result = await build({
    entryPoints: [HANDLER],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile,
    banner: { js: BANNER },
    metafile: true,
    logLevel: "error",
  });
  inputs = Object.keys((result.metafile as Metafile).inputs);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a bundle of awsconn/compose", () => {
  it("holds the Secrets Manager source and none of the others, nor YAML, nor the STS client", () => {
    const has = (pattern: RegExp) => inputs.some((file) => pattern.test(file));
    expect(has(/@aws-sdk\/client-secrets-manager\//)).toBe(true);
    expect(has(/source-secrets-manager\//)).toBe(true);
    for (const absent of [
      /@aws-sdk\/client-ssm\//,
      /@aws-sdk\/client-sts\//,
      /node_modules\/yaml\//,
      /node_modules\/zod\//,
      /source-ssm\//,
      /source-file\//,
    ])
      expect(inputs.filter((file) => absent.test(file))).toEqual([]);
  });

  it("runs alone and reads aws_default from Secrets Manager", async () => {
    const { code, stdout, stderr } = await runNodeScript(outfile, [], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        ...AWS_TEST_ENV,
        AWS_REGION: "us-east-1",
        HANDLER_PREFIX: prefix,
        HANDLER_ENDPOINT: motoEndpoint(),
      },
    });
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ accessKeyId: KEY_ID, region: "eu-west-2" });
  });
});
