import { basename, dirname, join } from "node:path";

// node:crypto and node:fs/promises are loaded by the first write, not when the package is imported:
// a process that only reads connections (every lookup, every `credential_process` run) never needs
// them, and node:crypto alone costs about 5 ms of start-up.

/**
 * Replaces a file atomically: the text goes to a new temporary file in the same directory
 * (created exclusively with mode 0600), is flushed to disk, then renamed over `path`, and the
 * directory is flushed. A reader sees the old file or the new one, never a part; a crash leaves the
 * old file and at worst a stray `.NAME.*.tmp`. The result has mode 0600 whatever the umask.
 * `beforeRename` runs last and may throw to abandon the write (the temporary file is removed).
 *
 * @example
 * ```ts
 * await writeFileAtomic("./connections.yaml", "aws_default: aws://\n");
 * ```
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  beforeRename?: () => void | Promise<void>,
): Promise<void> {
  const [{ randomBytes }, { chmod, open, rename, rm }] = await Promise.all([
    import("node:crypto"),
    import("node:fs/promises"),
  ]);
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", 0o600);
  try {
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, 0o600);
    await beforeRename?.();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir, open);
}

/** Flushes a directory entry change to disk where the platform allows it (not on Windows). */
async function syncDirectory(dir: string, open: typeof import("node:fs/promises").open): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: some platforms and file systems cannot open or fsync a directory.
  }
}
