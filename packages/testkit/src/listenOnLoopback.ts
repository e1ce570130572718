import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A server listening on `127.0.0.1`; see {@link listenOnLoopback}. */
export interface LoopbackListener {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Cuts every open connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts `server` on a free `127.0.0.1` port and keeps track of its connections, so that `close()`
 * ends at once even with keep-alive or hung clients.
 *
 * @example
 * ```ts
 * const { endpoint, close } = await listenOnLoopback(createServer(handler));
 * ```
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
