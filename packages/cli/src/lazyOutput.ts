import { fstatSync, writeSync } from "node:fs";

/**
 * One of the process's output streams (fd 1 or 2, or any fd open for writing) as the CLI writes to it: {@link CliIO}'s
 * `write` and `isTTY`, and what is still waiting to be written.
 */
export interface LazyOutput {
  write(chunk: string): boolean;
  readonly isTTY: boolean;
  /** Bytes written but not yet handed to the system (only Node's stream queues any). */
  pending(): number;
}

/**
 * fd `fd` written without creating Node's stream object while it is a pipe or a file: creating
 * `process.stdout` for a pipe loads Node's net and stream modules, about 3 ms of every
 * `awsconn credentials` that a credential_process starts. Bytes go out with `fs.writeSync`
 * (Node's own stdout writes to pipes and files synchronously on Linux too); a terminal (a
 * character device), or a pipe that would block, gets Node's stream, `stream()`, from then on.
 * A reader that has gone away (`EPIPE`) calls `onBrokenPipe`.
 *
 * @example
 * ```ts
 * const stdout = lazyOutput(1, () => process.stdout, () => process.exit(0));
 * stdout.write("{}\n");
 * ```
 */
export function lazyOutput(
  fd: number,
  stream: () => NodeJS.WriteStream,
  onBrokenPipe: () => void,
): LazyOutput {
  let opened: NodeJS.WriteStream | undefined;
  let device: boolean | undefined;
  const open = () => {
    opened ??= stream();
    return opened;
  };
  const isDevice = () => {
    if (device === undefined) {
      try {
        device = fstatSync(fd).isCharacterDevice();
      } catch {
        device = true; // no fd to look at: leave it to Node's stream
      }
    }
    return device;
  };
  return {
    write(chunk) {
      if (opened || isDevice()) return open().write(chunk);
      const bytes = Buffer.from(chunk);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") return open().write(bytes.subarray(done));
        if (code === "EPIPE") {
          onBrokenPipe();
          return false;
        }
        throw error;
      }
    },
    get isTTY() {
      return isDevice() && open().isTTY === true;
    },
    pending: () => opened?.writableLength ?? 0,
  };
}
