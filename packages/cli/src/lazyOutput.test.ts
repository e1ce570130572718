import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { lazyOutput } from "./lazyOutput.js";

const fakeStream = () => {
  const written: string[] = [];
  const stream = { written, isTTY: true, writableLength: 7, write: (c: string) => written.push(c) > 0 };
  return stream as unknown as NodeJS.WriteStream & { written: string[] };
};

describe("lazyOutput", () => {
  it("writes a file (or pipe) straight to its fd, without making Node's stream", () => {
    const file = join(mkdtempSync(join(tmpdir(), "awsconn-lazy-output-")), "out");
    const fd = openSync(file, "w");
    const stream = vi.fn(fakeStream);
    try {
      const out = lazyOutput(fd, stream, () => {});
      out.write("first ");
      out.write("sécond\n");
      expect(out.isTTY).toBe(false);
      expect(out.pending()).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, "utf8")).toBe("first sécond\n");
    expect(stream).not.toHaveBeenCalled();
  });

  it("hands a character device (a terminal, /dev/null) to Node's stream, which then says isTTY", () => {
    const fd = openSync("/dev/null", "w");
    const made = fakeStream();
    try {
      const out = lazyOutput(
        fd,
        () => made,
        () => {},
      );
      out.write("to the stream");
      expect(made.written).toEqual(["to the stream"]);
      expect(out.isTTY).toBe(true);
      expect(out.pending()).toBe(7);
    } finally {
      closeSync(fd);
    }
  });
});
