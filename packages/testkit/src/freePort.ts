import { createServer } from "node:net";

/**
 * Finds a TCP port on `127.0.0.1` that is free right now (binds port 0, reads it, closes).
 * Nothing listens on it afterwards, so it also serves as a "connection refused" endpoint.
 *
 * @example
 * ```ts
 * const port = await freePort();
 * const closed = `http://127.0.0.1:${port}`; // nothing answers here
 * ```
 */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("freePort: no port assigned"))));
    });
  });
}
