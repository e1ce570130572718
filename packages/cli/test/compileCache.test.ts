// The launcher's code cache (bin/compileCache.js): written once, in a folder of this user's, reused,
// refused when others could have written it, and never in the way of the command.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE, runBin, requireBuiltBin } from "./runBin.js";

beforeAll(requireBuiltBin);

const ENV_CONN = { AIRFLOW_CONN_CACHE_PROBE: "aws://AKIAIOSFODNN7CACHE01:cache%2Fsecret@" };
const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".v8"));
const freshFolder = () => mkdtempSync(join(tmpdir(), "awsconn-compile-cache-"));
// Node 22.1+ keeps its own cache files (module.enableCompileCache) in the folder instead.
const ownCache = !("enableCompileCache" in (await import("node:module")).default);

async function credentials(env: Record<string, string>) {
  const r = await runBin(["credentials", "cache_probe", "--format", "process"], {
    env: { ...ENV_CONN, ...env },
  });
  expect(r.stderr).toBe("");
  expect(JSON.parse(r.stdout)).toMatchObject({ Version: 1, AccessKeyId: "AKIAIOSFODNN7CACHE01" });
  return r;
}

describe.runIf(ownCache && process.platform !== "win32")("the launcher's code cache", () => {
  it("is written once (mode 0600, in a folder it makes with mode 0700) and then reused", async () => {
    const folder = join(freshFolder(), "made-by-the-launcher");
    await credentials({ AWSCONN_COMPILE_CACHE: folder });
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const [file] = cacheFiles(folder);
    // named by Node's version, the architecture and the hash the build wrote into the bundle
    expect(file).toMatch(/^awsconn-v\d+\.\d+\.\d+-\w+-[0-9a-f]{16}\.v8$/);
    expect(readFileSync(BUNDLE, "utf8")).toContain(`\n// awsconn-bundle-hash ${file?.slice(-19, -3)}\n`);
    const first = statSync(join(folder, file as string));
    expect(first.mode & 0o777).toBe(0o600);
    await credentials({ AWSCONN_COMPILE_CACHE: folder });
    expect(cacheFiles(folder)).toEqual([file]);
    expect(statSync(join(folder, file as string)).mtimeMs).toBe(first.mtimeMs);
  });

  it("defaults to $XDG_CACHE_HOME/awsconn", async () => {
    const xdg = freshFolder();
    await credentials({ XDG_CACHE_HOME: xdg });
    expect(cacheFiles(join(xdg, "awsconn"))).toHaveLength(1);
  });

  it("is off with AWSCONN_COMPILE_CACHE=off", async () => {
    const xdg = freshFolder();
    await credentials({ XDG_CACHE_HOME: xdg, AWSCONN_COMPILE_CACHE: "off" });
    expect(readdirSync(xdg)).toEqual([]);
  });

  it("is not used in a folder others may write to", async () => {
    const folder = freshFolder();
    chmodSync(folder, 0o777);
    await credentials({ AWSCONN_COMPILE_CACHE: folder });
    expect(cacheFiles(folder)).toEqual([]);
  });

  it("replaces a cache file others may write to, or one V8 refuses, and the command still runs", async () => {
    const folder = freshFolder();
    await credentials({ AWSCONN_COMPILE_CACHE: folder });
    const [file] = cacheFiles(folder);
    const path = join(folder, file as string);
    writeFileSync(path, "not a V8 code cache");
    await credentials({ AWSCONN_COMPILE_CACHE: folder });
    expect(statSync(path).size).toBeGreaterThan(1000);
    chmodSync(path, 0o666);
    await credentials({ AWSCONN_COMPILE_CACHE: folder });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("a folder that cannot be made is no error", async () => {
    const parent = freshFolder();
    writeFileSync(join(parent, "a-file"), "");
    await credentials({ AWSCONN_COMPILE_CACHE: join(parent, "a-file", "cache") });
    mkdirSync(join(parent, "ok"));
    expect(readdirSync(join(parent, "ok"))).toEqual([]);
  });
});

describe("the bundle the launcher runs", () => {
  it("has no import(): on Node 20 a script compiled from a code cache cannot import (plugins go through dist/importFile.cjs)", () => {
    expect(readFileSync(BUNDLE, "utf8")).not.toMatch(/\bimport\(/);
    expect(readFileSync(join(BUNDLE, "../importFile.cjs"), "utf8")).toContain("import(url)");
  });

  it("ships the licences of the third-party code inlined into it", () => {
    const text = readFileSync(BUNDLE, "utf8");
    for (const name of ["commander", "yaml"])
      expect(text).toMatch(new RegExp(`/\\*! ${name} \\d+\\.\\d+\\.\\d+\\n`));
  });
});
