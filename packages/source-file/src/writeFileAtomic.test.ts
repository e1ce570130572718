import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "./writeFileAtomic.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "awsconn-atomic-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("creates or replaces the file with mode 0600 whatever the umask, leaving no temporary file", async () => {
    const path = join(dir, "c.yaml");
    await writeFile(path, "old\n", { mode: 0o644 });
    const umask = process.umask(0);
    try {
      await writeFileAtomic(path, "new\n");
    } finally {
      process.umask(umask);
    }
    expect(await readFile(path, "utf8")).toBe("new\n");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(["c.yaml"]);
  });

  it("a check that throws before the rename leaves the old file and removes the temporary one", async () => {
    const path = join(dir, "c.json");
    await writeFile(path, "{}\n");
    await expect(
      writeFileAtomic(path, '{"a": 1}\n', () => {
        throw new Error("changed meanwhile");
      }),
    ).rejects.toThrow("changed meanwhile");
    expect(await readFile(path, "utf8")).toBe("{}\n");
    expect(await readdir(dir)).toEqual(["c.json"]);
  });
});
