import type { Stats } from "node:fs";
import { nodeFs } from "@awsconn/core";

/** Why {@link readRegularFile} refused a file: not a regular file, over the limit, or changed while read. */
export class RegularFileProblem extends Error {
  constructor(
    readonly kind: "not-regular" | "too-large" | "changed",
    /** What is wrong, for a message that starts with the file's name: `is a FIFO, not a regular file`. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = "RegularFileProblem";
  }
}

/** Options of {@link readRegularFile}. */
export interface ReadRegularFileOptions {
  /** More bytes than this are refused, counted while reading (a growing file or a device never fills memory). */
  maxBytes: number;
  /** Reads tried when the file changes during a read (size, mtime, ctime or inode differ before and after). Default 5. */
  attempts?: number;
  /**
   * A file modified less than this long ago (ms) is checked again once it is this old: a writer
   * that rewrites in place and pauses between writes leaves a file that is consistent while read
   * but not finished. Default {@link SETTLE_MS}.
   */
  settleMs?: number;
}

/** How old (ms) a file's last change must be before its content is trusted as finished. */
export const SETTLE_MS = 25;

const CHUNK = 64 * 1024;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms` (the read is synchronous; this happens only right after a change). */
const sleepSync = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);
// Open without waiting: a FIFO with no writer (or a device) must not block the open itself.
const OPEN_FLAGS = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a file that must be a regular file, in one consistent piece. The file is opened without
 * blocking and checked with `fstat` before any byte is read: a FIFO, a device, a socket or a
 * directory is refused at once (no hang, nothing read). The size limit is enforced while reading,
 * so `/dev/zero` or a file that grows cannot fill memory. `fstat` before and after the read must
 * agree (size, mtime, ctime, inode) and match the bytes read; otherwise the file was being
 * rewritten in place and the read is tried again, up to `attempts` times, then refused
 * (`RegularFileProblem` kind `changed`). A file changed less than `settleMs` ago is trusted only
 * once it is that old and unchanged, which catches a writer pausing between writes. A half-written file is so
 * never returned as complete, except from a writer that pauses longer than `settleMs`.
 * Write such files by renaming a finished temporary file over them (atomic on POSIX).
 * Synchronous on purpose: local files of at most a few MB, read only when they changed.
 * Errors of `open` itself (`ENOENT`, `EACCES`...) are thrown as they are.
 *
 * @example
 * ```ts
 * const bytes = readRegularFile("./connections.yaml", { maxBytes: 10 * 1024 * 1024 });
 * ```
 */
export function readRegularFile(path: string, options: ReadRegularFileOptions): Buffer {
  const attempts = Math.max(1, options.attempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    const read = readOnce(path, options.maxBytes, options.settleMs ?? SETTLE_MS);
    if (read) return read;
    if (attempt >= attempts)
      throw new RegularFileProblem(
        "changed",
        `changed while it was read, ${attempts} times in a row (rewritten in place?); write it by renaming a finished temporary file over it`,
      );
  }
}

/** The bytes, or `undefined` when the file changed during the read. */
function readOnce(path: string, maxBytes: number, settleMs: number): Buffer | undefined {
  let fd: number;
  try {
    fd = nodeFs.openSync(path, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENXIO")
      throw new RegularFileProblem("not-regular", "is a socket (or a device), not a regular file");
    throw error;
  }
  try {
    const before = nodeFs.fstatSync(fd);
    if (!before.isFile())
      throw new RegularFileProblem("not-regular", `is ${kindOf(before)}, not a regular file`);
    if (before.size > maxBytes) throw tooLarge(`${before.size} bytes`, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = nodeFs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(`over ${maxBytes} bytes`, maxBytes);
    }
    let after = nodeFs.fstatSync(fd);
    if (!same(before, after, total)) return undefined;
    if (settleMs > 0 && ageMs(after) < settleMs) {
      // Changed moments ago: maybe by a writer that is not done. File times are coarse (a few ms),
      // so an unchanged fstat alone does not prove that no write happened; one unchanged until the
      // file is settleMs old does (a write meanwhile moves its ctime past the one read). The wait
      // is whole milliseconds plus one: Date.now() counts whole ms and the ctime does not, so an
      // age read at the end of an exact wait can still be a fraction under settleMs (judging that
      // age again failed a just-written file five times within one millisecond on a loaded
      // machine). A ctime in the future (another host's clock) says nothing; the wait does.
      sleepSync(Math.ceil(settleMs - Math.max(0, ageMs(after))) + 1);
      after = nodeFs.fstatSync(fd);
      if (!same(before, after, total)) return undefined;
    }
    return Buffer.concat(chunks, total);
  } finally {
    nodeFs.closeSync(fd);
  }
}

/** How long ago (ms) the file last changed: its ctime, which every write moves and no one can set. */
function ageMs(st: Stats): number {
  return Date.now() - st.ctimeMs;
}

function same(before: Stats, after: Stats, total: number): boolean {
  return (
    after.size === before.size &&
    after.size === total &&
    after.mtimeMs === before.mtimeMs &&
    after.ctimeMs === before.ctimeMs &&
    after.ino === before.ino
  );
}

function tooLarge(size: string, maxBytes: number): RegularFileProblem {
  return new RegularFileProblem("too-large", `is ${size}; the limit is ${maxBytes} bytes`);
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  if (st.isDirectory()) return "a directory";
  return "something else";
}
