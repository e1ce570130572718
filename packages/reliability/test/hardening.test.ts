import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { chmodSync, chownSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { ConfigError, ConnectionFormatError, InvalidConnIdError } from "@awsconn/core";
import { fromEnv } from "@awsconn/source-env";
import { fromFile } from "@awsconn/source-file";
import { fromSecretsManager } from "@awsconn/source-secrets-manager";
import { fromSsm } from "@awsconn/source-ssm";
import { type FaultProxy, startFaultProxy } from "@awsconn/testkit/faults";
import { awsTestClientConfig, motoEndpoint, uniquePrefix } from "@awsconn/testkit/moto";
import { createResolver } from "awsconn";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { allSourcesConfigYaml } from "./support/allSourcesConfig.js";
import { CLI_BIN, CLI_BUILT, runCli } from "./support/cli.js";

const smPrefix = uniquePrefix("hard");
const ssmPrefix = `/${uniquePrefix("hard-ssm")}`;
let proxy: FaultProxy;
const dir = mkdtempSync(join(tmpdir(), "awsconn-hard-"));
const connectionsFile = join(dir, "connections.yaml");

beforeAll(async () => {
  proxy = await startFaultProxy({ target: motoEndpoint() });
  await new SecretsManagerClient(awsTestClientConfig()).send(
    new CreateSecretCommand({
      Name: `${smPrefix}/ok`,
      SecretString: "aws://AKIAHARD:hard-secret@/?region_name=us-east-1",
    }),
  );
  await new SSMClient(awsTestClientConfig()).send(
    new PutParameterCommand({
      Name: `${ssmPrefix}/ok_ssm`,
      Value: "mysql://u:p@ssm.internal",
      Type: "SecureString",
    }),
  );
  writeFileSync(connectionsFile, "file_ok: postgres://u:p@file.internal/db\n", { mode: 0o600 });
}, 60_000);
afterAll(async () => {
  await proxy?.close();
});
beforeEach(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  vi.stubEnv("AWS_PROFILE", undefined);
  proxy.reset();
});

const aws = () => ({ region: "us-east-1", endpoint: proxy.endpoint });
const BAD_IDS: [string, string][] = [
  ["../x", "path climb"],
  ["a/../../x", "inner path climb"],
  ["..\\x", "backslash climb"],
  ["", "empty"],
  ["a".repeat(251), "251 characters"],
  ["aws\u0000default", "NUL"],
  ["aws\u0007", "control character"],
  ["aws\u001b[31m", "escape sequence"],
  ["aws\n", "trailing newline"],
  ["a\nb", "inner newline"],
  ["aws\r", "carriage return"],
  ["aws default", "space"],
  ["aws%2F..%2Fx", "percent"],
  ["aws\u202Edefault", "bidi override"],
];

describe("connection ids outside the allowed set are refused before any lookup", () => {
  it("every source and the resolver: InvalidConnIdError, zero backend requests, no file read", async () => {
    const file = fromFile({ path: connectionsFile });
    const sources = [
      fromEnv({ env: { AIRFLOW_CONN_X: "aws://h" } }),
      file,
      fromSecretsManager({ prefix: smPrefix, ...aws() }),
      fromSsm({ prefix: ssmPrefix, ...aws() }),
    ];
    const resolver = createResolver({ sources });
    let refused = 0;
    for (const [id, why] of BAD_IDS) {
      for (const source of sources) {
        await expect(source.get(id), `${source.name} ${why}`).rejects.toBeInstanceOf(InvalidConnIdError);
        if (source.getMany) {
          await expect(source.getMany(["ok", id]), `${source.name} getMany ${why}`).rejects.toBeInstanceOf(
            InvalidConnIdError,
          );
        }
        refused++;
      }
      await expect(resolver.get(id), why).rejects.toBeInstanceOf(InvalidConnIdError);
      await expect(resolver.getAwsClientConfig(id), why).rejects.toBeInstanceOf(InvalidConnIdError);
      await expect(resolver.preload(["ok", id]), `preload ${why}`).rejects.toBeInstanceOf(InvalidConnIdError);
      const explained = await resolver.explain(id).catch((e: unknown) => e);
      expect(
        explained instanceof InvalidConnIdError || JSON.stringify(explained).includes("INVALID_CONN_ID"),
        `explain ${why}`,
      ).toBe(true);
    }
    expect(refused).toBe(BAD_IDS.length * sources.length);
    expect(proxy.count()).toBe(0);
    expect(file.stats()).toEqual({ parses: 0, checks: 0 });
  });

  it("the 250-character id and ids with every allowed punctuation are accepted (the rule is not too strict)", async () => {
    const env = fromEnv({ env: {} });
    for (const id of ["a".repeat(250), "team/aws_default", "a#b!c(d)e-f.g:h\\i", "日本_conn"]) {
      await expect(env.get(id)).resolves.toBeUndefined();
    }
  });

  it.runIf(CLI_BUILT)("the CLI exits 2 for a bad id and sends no request", async () => {
    const config = join(dir, "cli-ids.yaml");
    writeFileSync(
      config,
      `sources:\n  - type: secretsmanager\n    prefix: ${smPrefix}\n    region: us-east-1\n    endpoint: ${proxy.endpoint}\n`,
    );
    for (const id of ["../x", "a\nb", "a".repeat(251), "aws\u0007"]) {
      const r = await runCli(["--config", config, "get", id], {
        env: { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" },
      });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/invalid connection id/i);
    }
    expect(proxy.count()).toBe(0);
  });
});

describe("suspicious connections and config files", () => {
  const OTHER_UID = 65534;
  const isRoot = process.getuid?.() === 0;

  function warningsFor(path: string): Promise<{ warnings: string[]; error?: unknown }> {
    const warnings: string[] = [];
    const source = fromFile({ path, logger: { warn: (m) => warnings.push(m) } });
    return source.get("file_ok").then(
      () => ({ warnings }),
      (error: unknown) => ({ warnings, error }),
    );
  }

  it("a world-writable connections file gets a warning naming the problem", async () => {
    const path = join(dir, "writable.yaml");
    writeFileSync(path, readFileSync(connectionsFile));
    chmodSync(path, 0o666);
    const { warnings } = await warningsFor(path);
    expect(warnings.join("\n")).toMatch(/writable by others/);
  });

  it.runIf(isRoot)(
    "a connections file owned by another user gets a warning (as root: chown to 65534)",
    async () => {
      const path = join(dir, "foreign.yaml");
      writeFileSync(path, readFileSync(connectionsFile), { mode: 0o600 });
      chownSync(path, OTHER_UID, OTHER_UID);
      expect(statSync(path).uid).toBe(OTHER_UID);
      const { warnings } = await warningsFor(path);
      expect(warnings.join("\n")).toMatch(/owned by uid 65534/);
    },
  );

  it("a connections file over 10 MB is refused with a clear ConnectionFormatError, without parsing it", async () => {
    const path = join(dir, "huge.yaml");
    writeFileSync(path, `file_ok: postgres://h/db\npad: "${"x".repeat(10 * 1024 * 1024)}"\n`, {
      mode: 0o600,
    });
    const { error } = await warningsFor(path);
    expect(error).toBeInstanceOf(ConnectionFormatError);
    expect(String(error)).toMatch(/limited to 10485760 bytes/);
  });

  // The awsconn config file gets the connections file's checks: a world-writable or foreign-owned
  // awsconn.config.yaml could point `endpoint` at an attacker's server; an 11 MB one is refused.
  it("a world-writable awsconn config file gets a ConfigError or a warning", async () => {
    const path = join(dir, "writable.config.yaml");
    writeFileSync(path, `sources:\n  - type: file\n    path: ${connectionsFile}\n`);
    chmodSync(path, 0o666);
    expect(await configProblem(path)).toMatch(/writable/);
  });

  it.runIf(isRoot)(
    "an awsconn config file owned by another user gets a ConfigError or a warning",
    async () => {
      const path = join(dir, "foreign.config.yaml");
      writeFileSync(path, `sources:\n  - type: file\n    path: ${connectionsFile}\n`, { mode: 0o600 });
      chownSync(path, OTHER_UID, OTHER_UID);
      expect(await configProblem(path)).toMatch(/owned|owner/);
    },
  );

  it("an awsconn config file over 10 MB is refused with a ConfigError", async () => {
    const path = join(dir, "huge.config.yaml");
    writeFileSync(
      path,
      `sources:\n  - type: file\n    path: ${connectionsFile}\n# ${"x".repeat(10 * 1024 * 1024)}\n`,
      {
        mode: 0o600,
      },
    );
    expect(await configProblem(path)).toMatch(/bytes|large|size/);
  });

  /** A ConfigError's message, or the warnings emitted, while a resolver uses the config file. */
  async function configProblem(path: string): Promise<string> {
    const emitted: string[] = [];
    const onWarning = (w: Error) => emitted.push(w.message);
    process.on("warning", onWarning);
    try {
      const resolver = createResolver(path);
      await resolver.get("file_ok");
      await new Promise((r) => setImmediate(r));
      return emitted.join("\n");
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    } finally {
      process.removeListener("warning", onWarning);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// No disk writes during lookups: every fs function that can create, change or remove a file is
// wrapped (also for modules that imported them by name: syncBuiltinESMExports), and the CLI runs
// under strace.

const WRITERS = [
  "writeFile",
  "writeFileSync",
  "appendFile",
  "appendFileSync",
  "createWriteStream",
  "mkdir",
  "mkdirSync",
  "mkdtemp",
  "mkdtempSync",
  "rename",
  "renameSync",
  "rm",
  "rmSync",
  "unlink",
  "unlinkSync",
  "copyFile",
  "copyFileSync",
  "truncate",
  "truncateSync",
  "symlink",
  "symlinkSync",
  "chmod",
  "chmodSync",
  "utimes",
  "utimesSync",
] as const;
const PROMISE_WRITERS = [
  "writeFile",
  "appendFile",
  "mkdir",
  "mkdtemp",
  "rename",
  "rm",
  "unlink",
  "copyFile",
  "truncate",
  "chmod",
] as const;

function traceFsWrites(): { calls: string[]; stop: () => void } {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  const mutableFs = fs as unknown as Record<string, unknown> & { default?: Record<string, unknown> };
  const target = (mutableFs.default ?? mutableFs) as Record<string, (...a: unknown[]) => unknown>;
  const wrap = (obj: Record<string, (...a: unknown[]) => unknown>, name: string, label: string) => {
    const original = obj[name];
    if (typeof original !== "function") return;
    obj[name] = function (this: unknown, ...args: unknown[]) {
      calls.push(`${label}(${String(args[0])})`);
      return original.apply(this, args);
    };
    restore.push(() => {
      obj[name] = original;
    });
  };
  for (const name of WRITERS) wrap(target, name, name);
  const promises = target.promises as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of PROMISE_WRITERS) wrap(promises, name, `promises.${name}`);
  // open/openSync with a writing flag
  for (const name of ["open", "openSync"] as const) {
    const original = target[name] as (...a: unknown[]) => unknown;
    target[name] = function (this: unknown, ...args: unknown[]) {
      const flags = args[1];
      if (typeof flags === "string" ? /[wa+]/.test(flags) : typeof flags === "number" && (flags & 3) !== 0) {
        calls.push(`${name}(${String(args[0])}, ${String(flags)})`);
      }
      return original.apply(this, args);
    };
    restore.push(() => {
      target[name] = original;
    });
  }
  syncBuiltinESMExports();
  return {
    calls,
    stop: () => {
      for (const r of restore) r();
      syncBuiltinESMExports();
    },
  };
}

describe("awsconn never writes to disk during lookups", () => {
  it("the tracer sees a write (so its silence below means something)", () => {
    const trace = traceFsWrites();
    try {
      fs.writeFileSync(join(dir, "probe.txt"), "x");
    } finally {
      trace.stop();
    }
    expect(trace.calls).toEqual([`writeFileSync(${join(dir, "probe.txt")})`]);
  });

  it("env, file, Secrets Manager, SSM lookups, preload, explain, client config, cache expiry: no fs write", async () => {
    const clock = { t: 1_000_000, now: () => clock.t };
    const resolver = createResolver({
      sources: [
        fromEnv({ env: { AIRFLOW_CONN_ENV_OK: "aws://AKIAENV:env-secret@/?region_name=us-east-1" } }),
        { type: "file", path: connectionsFile },
        { type: "secretsmanager", prefix: smPrefix, ...aws() },
        { type: "ssm", prefix: ssmPrefix, ...aws() },
      ],
      clock,
      cache: { ttlSeconds: 1 },
    });
    const trace = traceFsWrites();
    try {
      await resolver.get("env_ok");
      await resolver.get("file_ok");
      await resolver.get("ok");
      await resolver.get("ok_ssm");
      await resolver.get("missing").catch(() => undefined);
      await resolver.preload(["ok", "ok_ssm", "file_ok"]);
      await resolver.explain("ok");
      const config = await resolver.getAwsClientConfig("ok", "s3");
      await config.credentials();
      clock.t += 5_000;
      await resolver.get("ok");
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      trace.stop();
    }
    expect(proxy.count()).toBeGreaterThan(0); // the remote sources were really asked
    expect(trace.calls).toEqual([]);
  });

  const strace = spawnSync("strace", ["-V"], { encoding: "utf8" }).status === 0;

  /** Runs the CLI under strace; returns its result and every path it opened for writing, created, renamed or removed. */
  function straced(args: string[], config: string, home: string) {
    const log = join(home, `strace-${Math.random().toString(36).slice(2)}.log`);
    const r = spawnSync(
      "strace",
      [
        "-f",
        "-qq",
        "-o",
        log,
        "-e",
        "trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,truncate,ftruncate",
        process.execPath,
        CLI_BIN,
        "--config",
        config,
        ...args,
      ],
      {
        encoding: "utf8",
        cwd: home,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: home,
          AWS_ACCESS_KEY_ID: "testing",
          AWS_SECRET_ACCESS_KEY: "testing",
          AWS_EC2_METADATA_DISABLED: "true",
          AIRFLOW_CONN_ENV_OK: "aws://AKIAENV:env-secret@/?region_name=us-east-1",
        },
      },
    );
    // The launcher's code cache (compiled code, no data: ~/.cache/awsconn/*.v8) is the one
    // write a run may make besides its output; every other write is reported.
    const cache = join(home, ".cache", "awsconn");
    const codeCache = (l: string) => {
      const p = /"([^"]+)"/.exec(l)?.[1];
      return (
        p !== undefined &&
        (p === join(home, ".cache") ||
          p === cache ||
          (p.startsWith(`${cache}/`) &&
            /^[^/]+-v[\d.]+-\w+-[0-9a-f]{16}\.v8(\.\d+\.tmp)?$/.test(p.slice(cache.length + 1))))
      );
    };
    const writes = readFileSync(log, "utf8")
      .split("\n")
      .filter((l) => /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|mkdir|rename|unlink|truncate\(/.test(l))
      .filter((l) => !/= -1 E|"\/dev\/(null|tty|pts)/.test(l))
      .filter((l) => !codeCache(l));
    return { ...r, writes };
  }

  it.runIf(CLI_BUILT && strace)(
    "copy --to file: writes only the target (via a temp file beside it), mode 0600",
    () => {
      const home = mkdtempSync(join(tmpdir(), "awsconn-strace-copy-"));
      const outDir = mkdtempSync(join(tmpdir(), "awsconn-copy-out-"));
      const target = join(outDir, "copied.yaml");
      const config = join(home, "c.yaml");
      writeFileSync(config, `sources:\n  - type: file\n    path: ${connectionsFile}\n`);
      const r = straced(["copy", "file_ok", "--to", `file:${target}`], config, home);
      expect(r.status, r.stderr).toBe(0);
      expect(statSync(target).mode & 0o777).toBe(0o600);
      expect(readFileSync(target, "utf8")).toContain("file.internal");
      expect(r.writes.length).toBeGreaterThan(0);
      const paths = r.writes.map((l) => /"([^"]+)"/.exec(l)?.[1] ?? l);
      for (const p of paths)
        expect(p.startsWith(outDir), `write outside the target's directory: ${p}`).toBe(true);
    },
  );
  it.runIf(CLI_BUILT && strace)(
    "the CLI (get, uri, explain, credentials over all sources) opens no file for writing (strace)",
    () => {
      const config = join(dir, "strace.config.yaml");
      writeFileSync(config, allSourcesConfigYaml(connectionsFile, smPrefix, ssmPrefix));
      const home = mkdtempSync(join(tmpdir(), "awsconn-strace-home-"));
      const runs = [
        ["get", "env_ok"],
        ["get", "file_ok"],
        ["get", "ok"],
        ["uri", "ok_ssm"],
        ["explain", "ok"],
        ["credentials", "ok", "--format", "process"],
      ];
      for (const args of runs) {
        const r = straced(args, config, home);
        expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
        expect(r.writes, args.join(" ")).toEqual([]);
      }
    },
  );
});
