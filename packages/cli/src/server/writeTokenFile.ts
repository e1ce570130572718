import { open } from "node:fs/promises";

/**
 * Writes the server's token to a file only its owner can read (mode 0600, also when the file existed
 * with wider permissions), for `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`, which botocore and the JS SDK
 * read on every refresh.
 *
 * @example
 * ```ts
 * await writeTokenFile("/run/user/1000/awsconn.token", server.token);
 * ```
 */
export async function writeTokenFile(path: string, token: string): Promise<void> {
  const handle = await open(path, "w", 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(token, "utf8");
  } finally {
    await handle.close();
  }
}
