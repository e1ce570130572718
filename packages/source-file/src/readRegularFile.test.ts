import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RegularFileProblem, readRegularFile } from "./readRegularFile.js";

const dir = mkdtempSync(join(tmpdir(), "awsconn-regular-"));

function problemOf(path: string, maxBytes = 1024): RegularFileProblem {
  try {
    readRegularFile(path, { maxBytes });
  } catch (error) {
    if (error instanceof RegularFileProblem) return error;
    throw error;
  }
  throw new Error("read");
}

describe.runIf(process.platform !== "win32")("readRegularFile", () => {
  it("reads a regular file", () => {
    const path = join(dir, "ok.yaml");
    writeFileSync(path, "a: 1\n");
    expect(readRegularFile(path, { maxBytes: 1024 }).toString()).toBe("a: 1\n");
  });

  it("refuses a FIFO at once, without waiting for a writer", () => {
    const fifo = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(problemOf(fifo)).toMatchObject({ kind: "not-regular", reason: expect.stringContaining("FIFO") });
  });

  it("refuses a device (/dev/zero) before reading a byte", () => {
    expect(problemOf("/dev/zero")).toMatchObject({
      kind: "not-regular",
      reason: expect.stringContaining("device"),
    });
  });

  it("refuses a directory and a socket", async () => {
    expect(problemOf(dir).kind).toBe("not-regular");
    const socket = join(dir, "s.sock");
    const server = createServer().listen(socket);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      expect(problemOf(socket).kind).toBe("not-regular");
    } finally {
      server.close();
    }
  });

  it("counts the limit while reading", () => {
    const path = join(dir, "big.json");
    writeFileSync(path, "x".repeat(2048));
    expect(problemOf(path)).toMatchObject({ kind: "too-large" });
  });

  it("passes errors of open itself on (ENOENT)", () => {
    expect(() => readRegularFile(join(dir, "missing.yaml"), { maxBytes: 10 })).toThrow(/ENOENT/);
  });
});
