import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes the server's token to `path` for `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (botocore and the
 * JS SDK read it on every refresh), so that only the owner can read it and nothing at `path` is
 * followed: the token goes into a new file beside it, created exclusively (`O_CREAT | O_EXCL |
 * O_NOFOLLOW`, mode 0600: a planted file or symlink makes the create fail instead of being
 * written through), which is then renamed over `path`. A symlink at `path` is replaced, its target
 * left untouched; readers never see a half-written token.
 *
 * Throws an `Error` naming the path and the system error when the file cannot be written (`awsconn
 * serve` then exits 1 before it listens).
 *
 * @example
 * ```ts
 * await writeTokenFile("/run/user/1000/awsconn.token", token);
 * ```
 */
export async function writeTokenFile(path: string, token: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let created = false;
  try {
    const handle = await open(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
    );
    created = true;
    try {
      await handle.writeFile(token, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    if (created) await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new Error(`cannot write the token file "${path}" (${code})`, { cause: error });
  }
}
