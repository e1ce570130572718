// The command line itself: help with examples for every command, version, usage errors (exit 2),
// stdout/stderr separation, colour rules. Spawns the built binary.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, requireBuiltBin, runBin } from "./runBin.js";

const COMMANDS = ["get", "uri", "explain", "credentials", "check", "list", "copy"];
const ESC = "\u001b[";

beforeAll(requireBuiltBin);

describe.concurrent("awsconn --help / --version", () => {
  it("--version prints the package version on stdout, exit 0", async () => {
    const pkg = JSON.parse(readFileSync(join(BIN, "../../package.json"), "utf8")) as { version: string };
    const r = await runBin(["--version"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("--help lists every command and the exit codes", async () => {
    const r = await runBin(["--help"]);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, "m"));
    expect(r.stdout).toContain("Exit codes: 0 ok, 2 usage");
  });

  it.each(COMMANDS)("%s --help shows its examples and the common flags", async (command) => {
    const r = await runBin([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toMatch(new RegExp(`\\$ .*awsconn .*${command}`));
    for (const flag of ["--config", "--json", "--show-secrets", "--quiet", "--verbose", "--no-color"])
      expect(r.stdout).toContain(flag);
  });
});

describe.concurrent("usage errors exit 2, on stderr only", () => {
  it.each([
    [["nope"], /unknown command/],
    [["get"], /missing required argument/],
    [["get", "x", "--bogus"], /unknown option/],
    [["credentials", "x", "--format", "yaml"], /Allowed choices are process, env, json/],
    [["copy", "x"], /required option '--to <target>'/],
    [["get", "../etc"], /invalid connection id/],
    [["get", "bad id!"], /invalid connection id/],
    [["uri", "a".repeat(251)], /invalid connection id/],
    [["explain", "x y"], /invalid connection id/],
    [["credentials", "a;b"], /invalid connection id/],
    [["copy", "ok", "b@d", "--to", "ssm"], /invalid connection id/],
    [["copy", "ok", "--to", "s3"], /--to must be secretsmanager, ssm or file:PATH/],
  ])("%j", async (args, message) => {
    const r = await runBin(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("no command at all is a usage error with the help on stderr", async () => {
    const r = await runBin([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage: awsconn");
  });
});

// `script` (util-linux) provides the pseudo-terminal; without it the terminal cases cannot run.
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("colour", () => {
  // `script` gives the child a real pseudo-terminal; its output is the terminal's.
  function onTty(args: string[], env: Record<string, string> = {}): string {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("script", ["-qec", command, "/dev/null"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", TERM: "xterm", HOME: "/nonexistent", ...env },
    });
    expect(r.status).toBe(3);
    return r.stdout;
  }

  it.skipIf(!hasScript)("is used on a terminal", () => {
    expect(onTty(["get", "not_there"])).toContain(ESC);
  });

  it.skipIf(!hasScript)("is never used with NO_COLOR or --no-color", () => {
    expect(onTty(["get", "not_there"], { NO_COLOR: "1" })).not.toContain(ESC);
    expect(onTty(["--no-color", "get", "not_there"])).not.toContain(ESC);
    expect(onTty(["get", "not_there", "--no-color"])).not.toContain(ESC);
  });

  it("is not used when the streams are pipes", async () => {
    const r = await runBin(["get", "not_there"]);
    expect(r.stderr).toContain("error:");
    expect(r.stderr).not.toContain(ESC);
  });
});
