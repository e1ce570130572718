import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { RegularFileProblem, readRegularFile, SETTLE_MS } from "./readRegularFile.js";

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

  it("reads a just-written, finished file although Date.now() counts whole ms and its ctime does not", () => {
    // On a loaded machine an exact wait ended where Date.now() still gave an age a fraction under
    // SETTLE_MS, and five immediate retries within that millisecond refused the file as "changed"
    // (CI: 15 conformance cases). Here Date.now() stands still just under the settle age.
    const path = join(dir, "fresh.yaml");
    writeFileSync(path, "a: 1\n");
    const { ctimeMs } = statSync(path);
    const now = vi.spyOn(Date, "now").mockReturnValue(Math.ceil(ctimeMs) + SETTLE_MS - 1);
    try {
      expect(readRegularFile(path, { maxBytes: 1024 }).toString()).toBe("a: 1\n");
    } finally {
      now.mockRestore();
    }
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
