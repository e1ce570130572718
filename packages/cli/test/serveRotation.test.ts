// `awsconn serve` and `exec --serve` (the built binary) while aws_default rotates in Secrets Manager
// (moto): every request is answered from the resolver with its cache rules, so the rotated keys are
// served once the cached answer's lifetime ends, and the served Expiration (the lease) sends clients
// back by then.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createConnection } from "@awsconn/core";
import { type LoopbackProxy, startLoopbackProxy, startRevokingProxy } from "@awsconn/testkit/faults";
import { ensureVenv, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { createSource } from "awsconn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDir } from "./plant.js";
import { BIN, cleanEnv, requireBuiltBin } from "./runBin.js";
import { sdkEnv, startServe } from "./startServe.js";

const AWS_ENV = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "us-east-1" };
const TTL_SECONDS = 1;

let counting: LoopbackProxy; // counts the server's Secrets Manager calls on their way to moto
let config: string;
let prefix: string;

/** Writes aws_default with this key id (the secret is the key id reversed). */
async function putKeys(accessKeyId: string): Promise<void> {
  const source = createSource({
    type: "secretsmanager",
    prefix,
    region: "us-east-1",
    endpoint: motoEndpoint(),
  });
  const connection = createConnection({
    connId: "aws_default",
    connType: "aws",
    login: accessKeyId,
    password: [...accessKeyId].reverse().join(""),
    extra: { region_name: "us-east-1" },
  });
  await source.put?.(connection);
}

beforeAll(async () => {
  requireBuiltBin();
  for (const [k, v] of Object.entries(AWS_ENV)) process.env[k] ??= v;
  counting = await startLoopbackProxy({ target: motoEndpoint() });
  prefix = `${uniquePrefix("serve-rotation")}/connections`;
  config = join(fixtureDir(), "rotation.config.yaml");
  writeFileSync(
    config,
    [
      "sources:",
      "  - type: secretsmanager",
      `    prefix: ${prefix}`,
      `    endpoint: ${counting.endpoint}`,
      "    region: us-east-1",
      "cache:",
      `  ttlSeconds: ${TTL_SECONDS}`,
      "  staleWhileRevalidate: false",
      "",
    ].join("\n"),
  );
  await putKeys("AKIASERVEROTA");
});

afterAll(async () => {
  await counting?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("serve: rotation", () => {
  it("serves the rotated keys once the cached answer's lifetime ends; until then the cached ones, with a lease as Expiration", async () => {
    const serve = await startServe(["--config", config, "--conn", "aws_default"], AWS_ENV);
    try {
      const credentials = async () => {
        const r = await fetch(serve.uri, { headers: { authorization: serve.token as string } });
        return (await r.json()) as { AccessKeyId: string; SecretAccessKey: string; Expiration: string };
      };
      const first = await credentials();
      expect(first.AccessKeyId).toBe("AKIASERVEROTA");
      // the lease: the cache lifetime (1 s here), at least MIN_LEASE_MS (5 s), in whole seconds
      const leaseMs = Date.parse(first.Expiration) - Date.now();
      expect(leaseMs).toBeGreaterThan(2_000);
      expect(leaseMs).toBeLessThanOrEqual(5_000);

      await putKeys("AKIASERVEROTB");
      const calls = counting.count("GetSecretValue");
      const seen = [(await credentials()).AccessKeyId];
      // poll: the next lookup after the lifetime (at most 1 s) asks Secrets Manager again
      for (let i = 0; i < 50 && seen.at(-1) !== "AKIASERVEROTB"; i++) {
        await sleep(100);
        seen.push((await credentials()).AccessKeyId);
      }
      expect(seen[0]).toBe("AKIASERVEROTA"); // right after the rotation: the cached answer
      expect(seen.at(-1)).toBe("AKIASERVEROTB");
      expect((await credentials()).SecretAccessKey).toBe("BTOREVRESAIKA");
      // one call per lifetime at most, however many requests came in between
      expect(counting.count("GetSecretValue") - calls).toBeLessThanOrEqual(Math.ceil(seen.length / 8) + 1);
    } finally {
      await putKeys("AKIASERVEROTA");
      await serve.stop();
    }
  });
});

/** botocore through the server: GetCallerIdentity every 100 ms until the stop file exists; one line per call. */
const BOTOCORE_LOOP = [
  "import os, sys, time, botocore.session",
  "s = botocore.session.Session()",
  'sts = s.create_client("sts", region_name="us-east-1", endpoint_url=sys.argv[1])',
  "deadline = time.time() + 30",
  "while not os.path.exists(sys.argv[2]) and time.time() < deadline:",
  "    try:",
  "        sts.get_caller_identity()",
  '        print("ok", flush=True)',
  "    except Exception as e:",
  '        print("ERR " + getattr(e, "response", {}).get("Error", {}).get("Code", type(e).__name__), flush=True)',
  "    time.sleep(0.1)",
].join("\n");

describe("serve: botocore during a rotation with the old key revoked", () => {
  it("a long-running botocore client moves to the rotated keys within the cache lifetime, failing at most until then", async () => {
    const python = await ensureVenv();
    const revoking = await startRevokingProxy({ target: motoEndpoint() });
    const serve = await startServe(["--config", config, "--conn", "aws_default"], AWS_ENV);
    const stop = join(fixtureDir(), "stop");
    try {
      const proc = spawn(python, ["-c", BOTOCORE_LOOP, revoking.endpoint, stop], {
        env: sdkEnv({
          AWS_CONTAINER_CREDENTIALS_FULL_URI: serve.uri,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: serve.token as string,
        }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let lines: string[] = [];
      proc.stdout.on("data", (c: Buffer) => {
        lines = [...lines, ...c.toString("utf8").trim().split("\n")];
      });
      const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
      while (lines.length < 3) await sleep(50);
      // Act: rotate, then revoke the old key at once (the worst order a rotation can take)
      await putKeys("AKIASERVEROTD");
      revoking.revoke("AKIASERVEROTA");
      const rotatedAt = Date.now();
      const before = lines.length;
      while (!revoking.signedWith().includes("AKIASERVEROTD") && Date.now() - rotatedAt < 20_000)
        await sleep(50);
      const switchMs = Date.now() - rotatedAt;
      await sleep(500);
      writeFileSync(stop, "");
      await exited;
      // Assess
      const after = lines.slice(before);
      const failed = after.filter((l) => l.startsWith("ERR"));
      expect(new Set(failed)).toEqual(failed.length ? new Set(["ERR InvalidClientTokenId"]) : new Set());
      expect(after.at(-1)).toBe("ok");
      // the server's answer changes when the 1 s cached answer ends, and botocore asks it on every call
      // (the lease is under its 15-minute refresh window): at most a lifetime's worth of failed calls
      expect(failed.length).toBeLessThanOrEqual(Math.ceil((TTL_SECONDS * 1000) / 100) + 2);
      console.log(
        `botocore via serve: rotated keys used after ${switchMs} ms, ${failed.length} failed calls`,
      );
    } finally {
      if (!existsSync(stop)) writeFileSync(stop, "");
      await putKeys("AKIASERVEROTA");
      await serve.stop();
      await revoking.close();
    }
  });
});

describe("exec --serve: rotation", () => {
  it("the child's credentials endpoint gives the rotated keys while the child runs", async () => {
    // The child polls its endpoint (as an SDK does when the lease ends) and prints each new key id.
    const child = [
      "let last;",
      "const uri = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;",
      "const authorization = process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;",
      "const tick = async () => {",
      "  const c = await (await fetch(uri, { headers: { authorization } })).json();",
      "  if (c.AccessKeyId !== last) { last = c.AccessKeyId; process.stdout.write(last + '\\n'); }",
      "  if (last === 'AKIASERVEROTC') process.exit(0);",
      "  setTimeout(tick, 100);",
      "};",
      "tick();",
      "setTimeout(() => process.exit(3), 20000);",
    ].join("\n");
    const proc = spawn(
      process.execPath,
      [BIN, "--config", config, "exec", "aws_default", "--serve", "--", process.execPath, "-e", child],
      { env: cleanEnv(AWS_ENV), stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    proc.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    const firstKey = new Promise<void>((resolve) => {
      proc.stdout.on("data", (c: Buffer) => {
        stdout += c.toString("utf8");
        if (stdout.includes("AKIASERVEROTA")) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
    try {
      await firstKey;
      await putKeys("AKIASERVEROTC");
      expect(await exited).toBe(0);
      expect(stdout.trim().split("\n")).toEqual(["AKIASERVEROTA", "AKIASERVEROTC"]);
      expect(stderr).not.toMatch(/error/i);
    } finally {
      proc.kill("SIGTERM");
      await putKeys("AKIASERVEROTA");
    }
  });
});
