// `npx awsconn` right after the README's set-up: the package's bin is a committed launcher, so
// `npm ci` links node_modules/.bin/awsconn before anything is built (CI runs this on a fresh clone
// after `npm ci`), and the launcher starts the built CLI.
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, cleanEnv, requireBuiltBin } from "./runBin.js";

const CLI = join(REPO_ROOT, "packages/cli");
const LAUNCHER = join(CLI, "bin/awsconn.js");
const pkg = JSON.parse(readFileSync(join(CLI, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
};

beforeAll(requireBuiltBin);

describe("the awsconn bin", () => {
  it("is the committed launcher bin/awsconn.js, executable in git, and packed", () => {
    expect(pkg.bin).toEqual({ awsconn: "./bin/awsconn.js" });
    expect(pkg.files).toContain("bin");
    expect(statSync(LAUNCHER).mode & 0o111).not.toBe(0);
    const inGit = spawnSync("git", ["ls-files", "-s", "packages/cli/bin/awsconn.js"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    if (inGit.status === 0) expect(inGit.stdout).toMatch(/^100755 /);
  });

  it("npm ci linked node_modules/.bin/awsconn to it", () => {
    const link = join(REPO_ROOT, "node_modules/.bin/awsconn");
    expect(existsSync(link)).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(LAUNCHER));
  });

  it("npx awsconn --version works from the repository root", () => {
    const out = execFileSync("npx", ["--no-install", "awsconn", "--version"], {
      cwd: REPO_ROOT,
      env: cleanEnv(),
      encoding: "utf8",
    });
    expect(out.trim()).toBe(pkg.version);
  });

  it("says what to do when the CLI is not built yet, exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "awsconn-cli-launcher-"));
    mkdirSync(join(dir, "bin"));
    copyFileSync(join(CLI, "package.json"), join(dir, "package.json"));
    for (const file of ["awsconn.js", "compileCache.js", "package.json"])
      copyFileSync(join(CLI, "bin", file), join(dir, "bin", file));
    const r = spawnSync(process.execPath, [join(dir, "bin/awsconn.js"), "--version"], {
      env: cleanEnv(),
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the CLI is not built yet");
    expect(r.stderr).toContain("npm run build");
  });

  it("passes arguments, output and exit code through, as the ES module build of the CLI prints them", () => {
    const r = spawnSync(process.execPath, [LAUNCHER, "get", "nowhere"], {
      env: cleanEnv(),
      encoding: "utf8",
    });
    const direct = spawnSync(process.execPath, [join(CLI, "dist/esm/bin.js"), "get", "nowhere"], {
      env: cleanEnv(),
      encoding: "utf8",
    });
    expect(r.status).toBe(3);
    expect({ stdout: r.stdout, stderr: r.stderr }).toEqual({ stdout: direct.stdout, stderr: direct.stderr });
  });
});
